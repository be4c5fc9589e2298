package nl.veerkracht.monitor.domain;

import java.util.Map;
import java.util.SortedMap;

/**
 * Whether a target is on track, by one stated rule (also in {@code docs/method.md}):
 *
 * <ul>
 *   <li><b>baseline</b>: the value in the measure's start year, else the newest value before it
 *       (its year is shown);
 *   <li><b>newest</b>: the newest value after the baseline year;
 *   <li><b>on track</b> when the newest value is at or beyond the straight line from the baseline
 *       (baseline year) to the target value (target year) in the target's direction, or, from the
 *       target year on, when the target value is reached; <b>not on track</b> otherwise;
 *   <li><b>no data yet</b> (nog geen gegevens) without a baseline or without a newer value.
 * </ul>
 *
 * The trend is the change per year from the baseline to the newest value.
 */
public final class TargetStatus {

  public enum Status {
    ON_TRACK,
    OFF_TRACK,
    NO_DATA
  }

  /** The assessment; values are null where the series holds none. */
  public record Assessment(
      Integer baselineYear,
      Double baseline,
      Integer newestYear,
      Double newest,
      Double expectedNow,
      Double trendPerYear,
      Status status) {}

  private TargetStatus() {}

  public static Assessment assess(
      SortedMap<Integer, Double> series, int startYear, double targetValue, int targetYear) {
    Map.Entry<Integer, Double> base = null;
    if (series.containsKey(startYear)) {
      base = Map.entry(startYear, series.get(startYear));
    } else if (!series.headMap(startYear).isEmpty()) {
      int y = series.headMap(startYear).lastKey();
      base = Map.entry(y, series.get(y));
    }
    if (base == null) {
      return new Assessment(null, null, null, null, null, null, Status.NO_DATA);
    }
    SortedMap<Integer, Double> later = series.tailMap(base.getKey() + 1);
    if (later.isEmpty()) {
      return new Assessment(base.getKey(), base.getValue(), null, null, null, null, Status.NO_DATA);
    }
    int year = later.lastKey();
    double newest = later.get(year);
    double b = base.getValue();
    double trend = (newest - b) / (year - base.getKey());
    double direction = Math.signum(targetValue - b);
    double expected;
    if (year >= targetYear || targetYear <= base.getKey()) {
      expected = targetValue;
    } else {
      expected = b + (targetValue - b) * (year - base.getKey()) / (targetYear - base.getKey());
    }
    // a target equal to the baseline (hold the level) is on track while the value stays there
    boolean onTrack =
        direction == 0
            ? Math.abs(newest - targetValue) < 1e-9
            : (newest - expected) * direction >= -1e-9;
    return new Assessment(
        base.getKey(),
        b,
        year,
        newest,
        expected,
        trend,
        onTrack ? Status.ON_TRACK : Status.OFF_TRACK);
  }
}
