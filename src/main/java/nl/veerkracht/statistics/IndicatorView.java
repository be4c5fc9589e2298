package nl.veerkracht.statistics;

import java.util.Locale;
import nl.veerkracht.statistics.domain.Indicator;

/**
 * An indicator as the API shows it.
 *
 * @param label in the caller's language (Dutch by default, {@code ?lang=en})
 * @param higherIsWorse true, false, or null when neither
 * @param origin catalogue, source (kept from an imported file) or derived
 */
public record IndicatorView(
    String id,
    String label,
    String labelNl,
    String labelEn,
    String unit,
    String source,
    Boolean higherIsWorse,
    String category,
    int decimals,
    String origin) {

  static IndicatorView of(Indicator i, Locale locale) {
    return new IndicatorView(
        i.id(),
        i.label(locale),
        i.labelNl(),
        i.labelEn(),
        i.unit(),
        i.source(),
        i.higherIsWorse(),
        i.category(),
        i.decimals(),
        i.origin());
  }
}
