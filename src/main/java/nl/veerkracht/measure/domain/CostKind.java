package nl.veerkracht.measure.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a cost line of a measure turns into money per year. */
public enum CostKind {
  /** Once, in the start year. */
  ONCE,
  /** Every year from start to end year. */
  PER_YEAR,
  /** Per unit (VHE), once, in the start year. */
  PER_UNIT_ONCE,
  /** Per unit (VHE), every year from start to end year. */
  PER_UNIT_PER_YEAR;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean perUnit() {
    return this == PER_UNIT_ONCE || this == PER_UNIT_PER_YEAR;
  }

  public boolean everyYear() {
    return this == PER_YEAR || this == PER_UNIT_PER_YEAR;
  }

  public static Optional<CostKind> find(String id) {
    return id == null
        ? Optional.empty()
        : Arrays.stream(values()).filter(k -> k.id().equals(id.trim())).findFirst();
  }
}
