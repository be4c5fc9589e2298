package nl.veerkracht.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.common.Text;

/**
 * A target as a row of the yearly report and of an agreement's evaluation (PDF and XLSX): measure,
 * figure, area, baseline, newest figure, target and status, each with its year.
 */
public final class TargetRows {

  private TargetRows() {}

  /** The column headings of {@link #cells}. */
  public static List<String> header(Locale locale) {
    return new ArrayList<>(
        List.of(
            t(locale, "measure.col.title"),
            t(locale, "targets.col.indicator"),
            t(locale, "targets.col.area"),
            t(locale, "targets.col.baseline"),
            t(locale, "targets.col.newest"),
            t(locale, "measure.col.target"),
            t(locale, "measure.col.status")));
  }

  /** One target's cells, the area written as the caller names it. */
  public static List<Object> cells(TargetMonitor.TargetView v, String area, Locale locale) {
    var a = v.assessment();
    return new ArrayList<>(
        List.of(
            v.measureTitle(),
            v.indicatorLabel().in(locale),
            area,
            a.baseline() == null
                ? t(locale, "targets.noData")
                : num(a.baseline(), locale) + " (" + a.baselineYear() + ")",
            a.newest() == null
                ? t(locale, "targets.noData")
                : num(a.newest(), locale) + " (" + a.newestYear() + ")",
            num(v.targetValue(), locale) + " (" + v.targetYear() + ")",
            t(locale, "targets.status." + a.status().name())));
  }

  private static String num(double v, Locale locale) {
    return Text.grouped(v, 2).in(locale);
  }

  private static String t(Locale locale, String key) {
    return Text.msg(key).in(locale);
  }
}
