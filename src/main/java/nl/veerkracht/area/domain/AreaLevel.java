package nl.veerkracht.area.domain;

import java.util.Locale;
import java.util.Optional;

/** CBS area levels, from the country down to the buurt. */
public enum AreaLevel {
  LAND("NL"),
  GEMEENTE("GM"),
  WIJK("WK"),
  BUURT("BU");

  private final String prefix;

  AreaLevel(String prefix) {
    this.prefix = prefix;
  }

  /** The two-letter prefix of codes at this level ({@code GM}, {@code WK}, {@code BU}). */
  public String prefix() {
    return prefix;
  }

  /** Lowercase name as used in URLs and the API: {@code gemeente}, {@code wijk}, {@code buurt}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code gemeente}, {@code wijk}, {@code buurt} or {@code land} (any case). */
  public static Optional<AreaLevel> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    for (AreaLevel level : values()) {
      if (level.id().equalsIgnoreCase(id.trim())) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  public static AreaLevel get(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown area level '" + id + "' (gemeente, wijk, buurt)"));
  }
}
