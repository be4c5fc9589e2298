package nl.veerkracht.analysis.domain;

import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** A sentence in Dutch and English, with number formatting for both. */
public record Text(String nl, String en) {

  private static final DecimalFormatSymbols NL =
      DecimalFormatSymbols.getInstance(new Locale("nl", "NL"));
  private static final DecimalFormatSymbols EN = DecimalFormatSymbols.getInstance(Locale.UK);

  public static Text of(String nl, String en) {
    return new Text(nl, en);
  }

  public Text plus(Text other) {
    return new Text(nl + other.nl, en + other.en);
  }

  /** A number with at most {@code decimals} decimals, in Dutch notation (comma). */
  public static String nl(double value, int decimals) {
    return format(value, decimals, NL, false);
  }

  public static String en(double value, int decimals) {
    return format(value, decimals, EN, false);
  }

  /** With an explicit sign: {@code +0,81}, {@code −0,031}. */
  public static String signedNl(double value, int decimals) {
    return format(value, decimals, NL, true);
  }

  public static String signedEn(double value, int decimals) {
    return format(value, decimals, EN, true);
  }

  private static String format(
      double value, int decimals, DecimalFormatSymbols symbols, boolean sign) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    // BigDecimal rather than DecimalFormat: the analysis formats hundreds of thousands of numbers
    String s =
        java.math.BigDecimal.valueOf(value)
            .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
            .toPlainString();
    if (symbols.getDecimalSeparator() != '.') {
      s = s.replace('.', symbols.getDecimalSeparator());
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
