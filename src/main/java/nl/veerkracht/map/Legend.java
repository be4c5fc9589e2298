package nl.veerkracht.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.common.Text;

/**
 * Classes for a choropleth: quantile classes over the values shown (five, fewer when values
 * repeat), or the nine fixed Leefbaarometer classes. Palettes are ColorBrewer schemes that stay
 * distinguishable with colour-blindness: YlOrBr where a higher value is worse, YlGnBu otherwise,
 * and a diverging orange–purple scheme (no red–green) for the Leefbaarometer classes.
 *
 * @param method {@code quantile} or {@code fixed}
 */
public record Legend(String method, List<Entry> classes, String noDataColor) {

  /** One class: values v with min ≤ v ≤ max (the last class is closed above). */
  public record Entry(int index, Double min, Double max, String label, String color) {}

  static final String NO_DATA = "#d9d9d9";
  static final String[] WORSE = {"#ffffd4", "#fed98e", "#fe9929", "#d95f0e", "#993404"};
  static final String[] NEUTRAL = {"#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"};

  /** Leefbaarometer 1 (zeer onvoldoende) to 9 (uitstekend): orange for weak, purple for strong. */
  static final String[] LBM = {
    "#7f3b08", "#b35806", "#e08214", "#fdb863", "#fee0b6", "#d8daeb", "#b2abd2", "#8073ac",
    "#542788"
  };

  /** The nine Leefbaarometer classes. */
  static Legend leefbaarometer(Locale locale) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      String label = (i + 1) + " " + Bands.lbmLabel(i + 1).in(locale);
      entries.add(new Entry(i + 1, i + 1.0, i + 1.0, label, LBM[i]));
    }
    return new Legend("fixed", entries, NO_DATA);
  }

  /** Veerkracht signal 1 (onder druk) to 4 (stabiel of verbeterend). */
  static final String[] SIGNAL = {"#b35806", "#f1a340", "#fee0b6", "#998ec3"};

  /** Corporation share bands 1 (under a third) to 3 (corporatiebuurt). */
  static final String[] SHARE = {"#ffffcc", "#41b6c4", "#253494"};

  /** Attention area: no (0), yes (1). */
  static final String[] ATTENTION = {"#d8daeb", "#b35806"};

  /**
   * The legend of an indicator whose values are named classes, or empty: the Leefbaarometer
   * classes, the veerkracht signal, the corporation share band and attention areas are shown by
   * name, never as ranges of numbers.
   */
  static java.util.Optional<Legend> named(String indicatorId, String unit, Locale locale) {
    if (unit.equals("klasse 1-9")) {
      return java.util.Optional.of(leefbaarometer(locale));
    }
    return switch (indicatorId) {
      case "veerkracht_signal" -> java.util.Optional.of(fixed("signal.", 1, SIGNAL, locale));
      case "corporation_share_band" ->
          java.util.Optional.of(fixed("band.share.", 1, SHARE, locale));
      case "attention_area" ->
          java.util.Optional.of(
              new Legend(
                  "fixed",
                  List.of(
                      new Entry(1, 0.0, 0.0, Text.msg("attention.no").in(locale), ATTENTION[0]),
                      new Entry(2, 1.0, 1.0, Text.msg("attention.yes").in(locale), ATTENTION[1])),
                  NO_DATA));
      default -> java.util.Optional.empty();
    };
  }

  private static Legend fixed(String keyPrefix, int first, String[] colours, Locale locale) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < colours.length; i++) {
      int v = first + i;
      String label = v + " " + Text.msg(keyPrefix + v).in(locale);
      entries.add(new Entry(i + 1, (double) v, (double) v, label, colours[i]));
    }
    return new Legend("fixed", entries, NO_DATA);
  }

  /**
   * Quantile classes over the values, with breaks rounded to the indicator's decimals.
   *
   * @param format how a break is written in labels
   */
  static Legend quantiles(
      double[] values, int decimals, Boolean higherIsWorse, DoubleFunction<String> format) {
    String[] palette = Boolean.TRUE.equals(higherIsWorse) ? WORSE : NEUTRAL;
    if (values.length == 0) {
      return new Legend("quantile", List.of(), NO_DATA);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double scale = Math.pow(10, decimals);
    List<Double> breaks = new ArrayList<>();
    for (int k = 1; k < 5; k++) {
      double q = sorted[(int) Math.min(sorted.length - 1, Math.floor(k * sorted.length / 5.0))];
      double rounded = Math.round(q * scale) / scale;
      if (breaks.isEmpty() || rounded > breaks.get(breaks.size() - 1)) {
        breaks.add(rounded);
      }
    }
    double min = sorted[0];
    double max = sorted[sorted.length - 1];
    breaks.removeIf(b -> b <= min || b >= max);
    List<Entry> entries = new ArrayList<>();
    double lower = Math.floor(min * scale) / scale;
    int n = breaks.size() + 1;
    for (int i = 0; i < n; i++) {
      double upper = i < breaks.size() ? breaks.get(i) : Math.ceil(max * scale) / scale;
      String color = palette[n == 1 ? 2 : Math.round(i * (palette.length - 1) / (float) (n - 1))];
      entries.add(
          new Entry(i + 1, lower, upper, format.apply(lower) + " – " + format.apply(upper), color));
      lower = upper;
    }
    return new Legend("quantile", entries, NO_DATA);
  }

  /** The class index (1-based) of a value, or null when it is not shown. */
  Integer classOf(Double value) {
    if (value == null || classes.isEmpty()) {
      return null;
    }
    if (method.equals("fixed")) {
      long v = Math.round(value);
      return classes.stream().filter(e -> e.min() == v).map(Entry::index).findFirst().orElse(null);
    }
    for (Entry e : classes) {
      if (value <= e.max()) {
        return e.index();
      }
    }
    return classes.get(classes.size() - 1).index();
  }
}
