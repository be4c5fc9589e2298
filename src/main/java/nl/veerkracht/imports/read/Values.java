package nl.veerkracht.imports.read;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads figures as the sources write them. Missing or secret values never become 0:
 *
 * <ul>
 *   <li>empty, {@code .}, {@code NA}, {@code #N/A} (Excel), {@code ?}, {@code -} (StatLine's "nil /
 *       not applicable") → missing;
 *   <li>{@code x} (StatLine's "secret") → secret;
 *   <li>any number ≤ −99990: {@code -99997} → secret, {@code -99995} and the rest → missing.
 * </ul>
 *
 * A decimal comma ({@code "2,1"}) is accepted; with both separators the last one is the decimal
 * separator ({@code 1.234,5}).
 */
public final class Values {

  public static final double SENTINEL_LIMIT = -99990;
  private static final Pattern YEAR_IN_NAME =
      Pattern.compile("(?<!\\d)(19[89]\\d|20\\d\\d)(?!\\d)");

  private Values() {}

  /**
   * Parses a cell. Empty when the text is neither a number nor a missing-value symbol, i.e. text in
   * a numeric column.
   */
  public static Optional<ParsedValue> parse(String raw) {
    if (raw == null) {
      return Optional.of(ParsedValue.missing("empty in source"));
    }
    String s = raw.strip();
    switch (s) {
      case "":
        return Optional.of(ParsedValue.missing("empty in source"));
      case ".":
        return Optional.of(ParsedValue.missing("'.' in source (not available)"));
      case "NA":
      case "na":
      case "NaN":
        return Optional.of(ParsedValue.missing(s + " in source"));
      case "#N/A":
      case "#NA":
        return Optional.of(ParsedValue.missing("'" + s + "' in source (not available)"));
      case "?":
        return Optional.of(ParsedValue.missing("'?' in source (unknown)"));
      case "-":
        return Optional.of(ParsedValue.missing("'-' in source (nil or not applicable)"));
      case "x":
      case "X":
        return Optional.of(ParsedValue.secret("'x' in source (secret)"));
      default:
        break;
    }
    Double d = parseNumber(s);
    if (d == null) {
      return Optional.empty();
    }
    return Optional.of(fromNumber(d));
  }

  /** Applies the sentinel rule to a number read from JSON or a typed source. */
  public static ParsedValue fromNumber(double d) {
    if (!Double.isFinite(d)) {
      return ParsedValue.missing("not a finite number in source");
    }
    if (d <= SENTINEL_LIMIT) {
      long sentinel = Math.round(d);
      if (sentinel == -99997) {
        return ParsedValue.secret("-99997 in source (secret or too small)");
      }
      if (sentinel == -99995) {
        return ParsedValue.missing("-99995 in source (not available or suppressed)");
      }
      return ParsedValue.missing(sentinel + " in source (missing-value code)");
    }
    return ParsedValue.ok(d);
  }

  /** A number with a decimal point or comma, or null. */
  static Double parseNumber(String s) {
    if (!plainNumber(s)) {
      // Thousands separators: "1.234,5" or "1,234.5".
      if (s.matches("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?")) {
        s = s.replace(".", "").replace(',', '.');
      } else if (s.matches("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
        s = s.replace(",", "");
      } else {
        return null;
      }
    } else {
      s = s.replace(',', '.');
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Whether {@code s} is a plain number: {@code [+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?}, by
   * hand rather than with a regular expression (it runs once per figure: millions per national
   * table).
   */
  static boolean plainNumber(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits == 0 && fracDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The single plausible year (1980–2099) in a file name, if there is exactly one. */
  public static Optional<Integer> yearInFileName(String fileName) {
    String base = fileName.replaceAll(".*[/\\\\]", "");
    Matcher m = YEAR_IN_NAME.matcher(base);
    Integer found = null;
    while (m.find()) {
      int y = Integer.parseInt(m.group(1));
      if (found != null && found != y) {
        return Optional.empty();
      }
      found = y;
    }
    return Optional.ofNullable(found);
  }
}
