package nl.veerkracht.statistics.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An entry of the indicator catalogue.
 *
 * @param id stable lowercase id used in the API ({@code inhabitants}, {@code pct_corporation_rent})
 * @param higherIsWorse true when a higher value is worse, false when better, null when neutral
 * @param origin {@code catalogue} (defined by Veerkracht), {@code source} (an unknown column kept
 *     under a name derived from the source) or {@code derived} (computed by the analysis)
 */
public record Indicator(
    String id,
    String labelNl,
    String labelEn,
    String unit,
    String source,
    Boolean higherIsWorse,
    String category,
    int decimals,
    String description,
    String origin) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,99}");

  public Indicator {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Not a valid indicator id: " + id);
    }
  }

  public String label(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelNl;
  }

  /** The catalogue's units (kept in Dutch) in English. */
  private static final java.util.Map<String, String> UNITS_EN =
      java.util.Map.ofEntries(
          java.util.Map.entry("aantal", "number"),
          java.util.Map.entry("adressen per km²", "addresses per km²"),
          java.util.Map.entry("afwijking", "deviation"),
          java.util.Map.entry("index (referentie = 100)", "index (reference = 100)"),
          java.util.Map.entry("indexpunten", "index points"),
          java.util.Map.entry("inwoners per km²", "inhabitants per km²"),
          java.util.Map.entry("ja/nee", "yes/no"),
          java.util.Map.entry("klasse 1-3", "class 1-3"),
          java.util.Map.entry("klasse 1-5", "class 1-5"),
          java.util.Map.entry("klasse 1-9", "class 1-9"),
          java.util.Map.entry("klasse", "class"),
          java.util.Map.entry("per 1.000 inwoners", "per 1,000 inhabitants"),
          java.util.Map.entry("per 1 000 inwoners", "per 1,000 inhabitants"),
          java.util.Map.entry("per huishouden", "per household"),
          java.util.Map.entry("personen", "persons"),
          java.util.Map.entry("signaalklasse 1-4", "signal class 1-4"),
          java.util.Map.entry("verandering afwijking", "change in deviation"),
          java.util.Map.entry("verandering score", "change in score"),
          java.util.Map.entry("verschil in verandering", "difference in change"),
          java.util.Map.entry("verschil score", "difference in score"),
          java.util.Map.entry("x 1.000 euro", "x 1,000 euro"),
          java.util.Map.entry("x 1 000 euro", "x 1,000 euro"));

  /** This figure's unit in the reader's language. */
  public String unit(Locale locale) {
    return unitIn(unit, locale);
  }

  /**
   * A unit in the reader's language: the catalogue keeps units in Dutch; in English the known ones
   * are translated, others (from a source's own metadata) stay as published.
   */
  public static String unitIn(String unit, Locale locale) {
    if (unit == null || locale == null || !"en".equals(locale.getLanguage())) {
      return unit;
    }
    return UNITS_EN.getOrDefault(unit, unit);
  }

  /**
   * Normalises a column name for alias matching: lowercase, every run of characters other than
   * letters and digits becomes one underscore, no underscores at either end. {@code
   * "Bevolking.Aantal.inwoners..aantal."} and {@code "Bevolking/Aantal inwoners (aantal)"} both
   * become {@code bevolking_aantal_inwoners_aantal}.
   */
  public static String normalise(String name) {
    String lower =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    boolean pendingUnderscore = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (pendingUnderscore && sb.length() > 0) {
          sb.append('_');
        }
        pendingUnderscore = false;
        sb.append(c);
      } else {
        pendingUnderscore = true;
      }
    }
    return sb.toString();
  }

  /**
   * The stem of a CBS OData key: the part before the edition-specific numeric suffix ({@code
   * InBezitWoningcorporatie_49} → {@code InBezitWoningcorporatie}).
   */
  public static String odataStem(String key) {
    return key.replaceFirst("_\\d+$", "");
  }

  /** An id for a column no catalogue entry knows, kept under its source name. */
  public static String sourceNamedId(String prefix, String column) {
    String id = prefix + "_" + normalise(column);
    if (id.length() > 100) {
      id = id.substring(0, 91) + "_" + Integer.toHexString(column.hashCode() & 0xfffffff);
    }
    return id;
  }
}
