package nl.veerkracht.monitor.domain;

import java.util.List;
import java.util.SortedMap;

/**
 * Before/after against a peer group, as an indication, never as proof of effect: the change of the
 * area's mean from the years before the start year to the years after it, minus the mean of the
 * same change over the peers. The start year itself is left out (the measure begins in it). Needs
 * at least two years on either side for the area and for each peer, and at least {@link #MIN_PEERS}
 * peers.
 */
public final class DiffInDiff {

  public static final int MIN_YEARS = 2;
  public static final int MIN_PEERS = 3;

  /** Why no comparison was made. */
  public enum Missing {
    SERIES_TOO_SHORT,
    PEER_GROUP_TOO_SMALL
  }

  /**
   * @param peerChange the mean over the peers of (mean after − mean before)
   * @param difference {@code areaAfter − areaBefore − peerChange}
   */
  public record Result(
      Double areaBefore,
      Double areaAfter,
      Double peerChange,
      Double difference,
      int peers,
      Missing missing) {}

  private DiffInDiff() {}

  /** Whether a series has enough years on both sides of the start year. */
  public static boolean enough(SortedMap<Integer, Double> series, int startYear) {
    return series.headMap(startYear).size() >= MIN_YEARS
        && series.tailMap(startYear + 1).size() >= MIN_YEARS;
  }

  public static Result compute(
      SortedMap<Integer, Double> area, List<SortedMap<Integer, Double>> peers, int startYear) {
    if (!enough(area, startYear)) {
      return new Result(null, null, null, null, 0, Missing.SERIES_TOO_SHORT);
    }
    double before = mean(area.headMap(startYear));
    double after = mean(area.tailMap(startYear + 1));
    List<SortedMap<Integer, Double>> usable =
        peers.stream().filter(p -> enough(p, startYear)).toList();
    if (usable.size() < MIN_PEERS) {
      return new Result(before, after, null, null, usable.size(), Missing.PEER_GROUP_TOO_SMALL);
    }
    double change = 0;
    for (SortedMap<Integer, Double> p : usable) {
      change += mean(p.tailMap(startYear + 1)) - mean(p.headMap(startYear));
    }
    change /= usable.size();
    return new Result(before, after, change, after - before - change, usable.size(), null);
  }

  private static double mean(SortedMap<Integer, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
