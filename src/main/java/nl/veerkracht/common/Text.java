package nl.veerkracht.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A user-facing text in Dutch and English: the one type for bilingual texts. Most texts come from
 * the message bundles through {@link #msg}, so each sentence exists once and both languages come
 * from the same call; numbers inside are formatted per language ({@link #num}, {@link #signed}).
 * Serialises to JSON as {@code {"nl": ..., "en": ...}}; serializable, because a message shown after
 * a redirect travels in the session, which lives in the database.
 */
public record Text(String nl, String en) implements java.io.Serializable {

  /** A number argument, formatted per language. */
  public record Num(double value, int decimals, boolean signed) {}

  public static Text of(String nl, String en) {
    return new Text(nl, en);
  }

  /** The same string in both languages (names, codes). */
  public static Text plain(String s) {
    return new Text(s, s);
  }

  /**
   * The message {@code key} of the bundles {@code i18n/messages*.properties} with named arguments
   * ({@code {name}} in the message), given as name, value pairs. A value may be a {@link Text} (its
   * own language is used), a {@link Num}, or anything else (its {@code toString()}).
   *
   * @throws IllegalArgumentException for an unknown key or an argument the message does not name
   */
  public static Text msg(String key, Object... namedArgs) {
    return Messages.text(key, namedArgs);
  }

  public static Num num(double value, int decimals) {
    return new Num(value, decimals, false);
  }

  /** A number with an explicit sign: {@code +0,81}, {@code −0,031}, {@code ±0,0}. */
  public static Num signed(double value, int decimals) {
    return new Num(value, decimals, true);
  }

  /** An amount in euros in both notations: {@code € 932,93} and {@code € 932.93}. */
  public static Text euro(double amount, int decimals) {
    return new Text(
        "€ " + grouped(amount, decimals, false), "€ " + grouped(amount, decimals, true));
  }

  /** A number with thousands grouped: Dutch {@code 12.500,5}, English {@code 12,500.5}. */
  public static Text grouped(double value, int decimals) {
    return new Text(grouped(value, decimals, false), grouped(value, decimals, true));
  }

  private static String grouped(double value, int decimals, boolean english) {
    java.text.DecimalFormatSymbols symbols =
        java.text.DecimalFormatSymbols.getInstance(
            english ? Locale.UK : Locale.forLanguageTag("nl-NL"));
    java.text.DecimalFormat f =
        new java.text.DecimalFormat(
            decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0", symbols);
    return f.format(value);
  }

  public Text plus(Text other) {
    return new Text(nl + other.nl, en + other.en);
  }

  /** This text, a space, and the other (a sentence after a sentence). */
  public Text then(Text other) {
    return new Text(nl + " " + other.nl, en + " " + other.en);
  }

  /** The parts joined by a separator in both languages. */
  public static Text join(String separator, List<Text> parts) {
    List<String> nl = new ArrayList<>();
    List<String> en = new ArrayList<>();
    for (Text t : parts) {
      nl.add(t.nl);
      en.add(t.en);
    }
    return new Text(String.join(separator, nl), String.join(separator, en));
  }

  /** The text in the language of the locale (English for {@code en}, Dutch otherwise). */
  public String in(Locale locale) {
    return english(locale) ? en : nl;
  }

  public static boolean english(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage());
  }

  /** A number with at most {@code decimals} decimals, in Dutch notation (comma). */
  public static String nl(double value, int decimals) {
    return format(value, decimals, ',', false);
  }

  public static String en(double value, int decimals) {
    return format(value, decimals, '.', false);
  }

  public static String signedNl(double value, int decimals) {
    return format(value, decimals, ',', true);
  }

  public static String signedEn(double value, int decimals) {
    return format(value, decimals, '.', true);
  }

  static String format(Num n, boolean english) {
    return format(n.value(), n.decimals(), english ? '.' : ',', n.signed());
  }

  private static String format(double value, int decimals, char separator, boolean sign) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    // BigDecimal rather than DecimalFormat: the analysis formats hundreds of thousands of numbers
    String s = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    if (separator != '.') {
      s = s.replace('.', separator);
    }
    if (s.startsWith("-")) {
      s = s.substring(1);
      return zero(s) ? (sign ? "±" : "") + s : "−" + s;
    }
    return sign ? (zero(s) ? "±" : "+") + s : s;
  }

  private static boolean zero(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '0' && c != ',' && c != '.') {
        return false;
      }
    }
    return true;
  }
}
