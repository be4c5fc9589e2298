package nl.veerkracht.area.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CBS area code: {@code NL00}, gemeente {@code GM} + 4 digits, wijk {@code WK} + 6 and buurt
 * {@code BU} + 8 characters. The gemeente part is always digits; the wijk and buurt parts may hold
 * capital letters (Amsterdam: {@code BU0363AB10}). Construction trims nothing and rejects anything
 * else, so a value of this type is always well formed; use {@link #parse} for raw input.
 */
public record AreaCode(String value) implements Comparable<AreaCode> {

  private static final Pattern GEMEENTE = Pattern.compile("GM\\d{4}");
  private static final Pattern WIJK = Pattern.compile("WK\\d{4}[0-9A-Z]{2}");
  private static final Pattern BUURT = Pattern.compile("BU\\d{4}[0-9A-Z]{4}");
  public static final AreaCode NETHERLANDS = new AreaCode("NL00");

  public AreaCode {
    if (value == null || !isWellFormed(value)) {
      throw new IllegalArgumentException(
          "Not a CBS area code: '"
              + value
              + "' (expected GM + 4 digits, WK + 6 or BU + 8 characters, e.g. BU03080000)");
    }
  }

  private static boolean isWellFormed(String value) {
    return value.equals("NL00")
        || GEMEENTE.matcher(value).matches()
        || WIJK.matcher(value).matches()
        || BUURT.matcher(value).matches();
  }

  /**
   * Reads a code as it appears in source files: surrounding spaces (StatLine pads codes) and
   * lowercase letters are accepted. Empty when the text is not a code.
   */
  public static Optional<AreaCode> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String trimmed = raw.strip().toUpperCase(java.util.Locale.ROOT);
    return isWellFormed(trimmed) ? Optional.of(new AreaCode(trimmed)) : Optional.empty();
  }

  public static AreaCode of(String value) {
    return new AreaCode(value);
  }

  public AreaLevel level() {
    return levelOf(value);
  }

  /**
   * The level of a code held as text, by its prefix alone (no validation: for hot paths over codes
   * that were validated on import).
   */
  public static AreaLevel levelOf(String code) {
    if (code == null || code.length() < 2) {
      return AreaLevel.LAND;
    }
    return switch (code.substring(0, 2)) {
      case "GM" -> AreaLevel.GEMEENTE;
      case "WK" -> AreaLevel.WIJK;
      case "BU" -> AreaLevel.BUURT;
      default -> AreaLevel.LAND;
    };
  }

  public static boolean isGemeente(String code) {
    return levelOf(code) == AreaLevel.GEMEENTE;
  }

  public static boolean isWijk(String code) {
    return levelOf(code) == AreaLevel.WIJK;
  }

  public static boolean isBuurt(String code) {
    return levelOf(code) == AreaLevel.BUURT;
  }

  /**
   * The gemeente code of a buurt, wijk or gemeente code held as text ({@code BU03080000 → GM0308}).
   */
  public static String gemeenteOf(String code) {
    return switch (levelOf(code)) {
      case GEMEENTE -> code;
      case WIJK, BUURT -> code.length() >= 6 ? "GM" + code.substring(2, 6) : null;
      case LAND -> null;
    };
  }

  /** The wijk code of a buurt code held as text ({@code BU03080000 → WK030800}), else null. */
  public static String wijkOf(String code) {
    return isBuurt(code) && code.length() == 10 ? "WK" + code.substring(2, 8) : null;
  }

  /** The gemeente this code lies in, or empty for the country. */
  public Optional<AreaCode> gemeente() {
    return level() == AreaLevel.LAND
        ? Optional.empty()
        : Optional.of(new AreaCode("GM" + value.substring(2, 6)));
  }

  /** The wijk of a buurt code; empty for other levels. */
  public Optional<AreaCode> wijk() {
    return level() == AreaLevel.BUURT
        ? Optional.of(new AreaCode("WK" + value.substring(2, 8)))
        : Optional.empty();
  }

  /** The next level up: buurt → wijk → gemeente → NL00; empty for the country. */
  public Optional<AreaCode> parent() {
    return switch (level()) {
      case BUURT -> wijk();
      case WIJK -> gemeente();
      case GEMEENTE -> Optional.of(NETHERLANDS);
      case LAND -> Optional.empty();
    };
  }

  @Override
  public int compareTo(AreaCode o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
