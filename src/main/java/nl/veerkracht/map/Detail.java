package nl.veerkracht.map;

import java.util.Locale;
import java.util.Optional;

/** Which geometry a map serves. */
public enum Detail {
  /** Every area of the country at once: simplified to about 100 m, 3 decimals. */
  NATIONAL,
  /** Simplified for a regional view (tens of metres). */
  OVERVIEW,
  /** Simplified for one gemeente or wijk (a few metres). */
  DETAIL,
  /** The boundary as imported (7 decimals), for exports and GIS use; the largest. */
  FULL;

  /**
   * Parses {@code national}, {@code overview}, {@code detail} (or {@code true}) and {@code full}.
   */
  public static Optional<Detail> find(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "national" -> Optional.of(NATIONAL);
      case "overview", "false" -> Optional.of(OVERVIEW);
      case "detail", "true" -> Optional.of(DETAIL);
      case "full" -> Optional.of(FULL);
      default -> Optional.empty();
    };
  }
}
