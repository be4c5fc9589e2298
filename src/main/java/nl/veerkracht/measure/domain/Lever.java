package nl.veerkracht.measure.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The corporation's levers a measure pulls; {@link #id()} is the id the API and database use. */
public enum Lever {
  ONDERHOUD,
  HUURPRIJSBELEID,
  WOONRUIMTEVERDELING,
  SOCIAAL_BEHEER,
  FYSIEK,
  SAMENWERKING;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The lever with this id, or empty for anything else (including the atelier's combinatie). */
  public static Optional<Lever> find(String id) {
    return id == null
        ? Optional.empty()
        : Arrays.stream(values()).filter(l -> l.id().equals(id.trim())).findFirst();
  }
}
