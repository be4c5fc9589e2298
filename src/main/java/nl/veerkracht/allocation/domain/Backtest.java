package nl.veerkracht.allocation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the model against the past: calibrate on the years up to {@code years} before the newest,
 * run the status quo forward to the newest year, and compare with the households actually living in
 * each complex then — the mean absolute error of the route shares, and whether the observed
 * vulnerable share fell inside the P10–P90 band (about 80 % of complexes if the bands are honest).
 */
public final class Backtest {

  private Backtest() {}

  /** One complex's comparison. */
  public record ComplexCheck(
      String complex,
      int households,
      double meanAbsoluteError,
      double observedVulnerable,
      double p10,
      double p90,
      boolean inside) {}

  /** All complexes, with the summary figures. */
  public record Result(
      int calibratedUpTo,
      int newestYear,
      List<ComplexCheck> complexes,
      Double meanAbsoluteError,
      Double shareInside) {}

  public static Result run(
      LettingHistory history,
      int newestYear,
      int years,
      int window,
      int runs,
      long seed,
      Set<Route> vulnerable) {
    int reference = newestYear - years;
    Calibration.Result calibration = Calibration.calibrate(history, reference, window);
    Map<String, int[][]> observed = history.stockAt(LocalDate.of(newestYear, 12, 31));
    List<ComplexCheck> checks = new ArrayList<>();
    double maeSum = 0;
    int inside = 0;
    for (Calibration.ComplexModel m : calibration.complexes().values()) {
      int[][] seen = observed.get(m.complex());
      double[] seenShares = shares(seen);
      if (seen == null || m.households() == 0 || total(seen) == 0) {
        continue;
      }
      MonteCarlo.Result mc =
          MonteCarlo.run(
              m.start(),
              m.hazards(),
              Scenario.of(m.shares()),
              years,
              runs,
              seed + m.complex().hashCode(),
              vulnerable);
      double mae = 0;
      for (int r = 0; r < Route.COUNT; r++) {
        mae += Math.abs(mc.routeMeans()[r][years] - seenShares[r]);
      }
      mae /= Route.COUNT;
      double v = 0;
      for (Route r : vulnerable) {
        v += seenShares[r.ordinal()];
      }
      double p10 = mc.vulnerable().p10()[years];
      double p90 = mc.vulnerable().p90()[years];
      boolean in = v >= p10 - 1e-12 && v <= p90 + 1e-12;
      checks.add(new ComplexCheck(m.complex(), total(seen), mae, v, p10, p90, in));
      maeSum += mae;
      inside += in ? 1 : 0;
    }
    return new Result(
        reference,
        newestYear,
        checks,
        checks.isEmpty() ? null : maeSum / checks.size(),
        checks.isEmpty() ? null : (double) inside / checks.size());
  }

  /**
   * Replays the observed flows: the households at the end of {@code from}, minus each year's exits,
   * one year older, plus the lettings still living there at the end of the year. Equals the
   * observed households at the end of {@code to} when the records are consistent.
   */
  public static Map<String, int[][]> replay(LettingHistory history, int from, int to) {
    Map<String, int[][]> n = history.stockAt(LocalDate.of(from, 12, 31));
    for (int y = from + 1; y <= to; y++) {
      Map<String, LettingHistory.YearFlows> flows = history.flows(y);
      Map<String, int[][]> next = new java.util.TreeMap<>();
      for (Map.Entry<String, int[][]> e : n.entrySet()) {
        int[][] s = new int[Route.COUNT][Residence.BINS];
        LettingHistory.YearFlows f = flows.get(e.getKey());
        for (int r = 0; r < Route.COUNT; r++) {
          for (int b = 0; b < Residence.BINS; b++) {
            s[r][Math.min(b + 1, Residence.BINS - 1)] += e.getValue()[r][b] - f.exits()[r][b];
          }
          s[r][0] += f.stayingLettings()[r];
        }
        next.put(e.getKey(), s);
      }
      n = next;
    }
    return n;
  }

  static int total(int[][] n) {
    int t = 0;
    if (n != null) {
      for (int[] row : n) {
        for (int v : row) {
          t += v;
        }
      }
    }
    return t;
  }

  static double[] shares(int[][] n) {
    double[] out = new double[Route.COUNT];
    int t = total(n);
    if (t > 0) {
      for (int r = 0; r < Route.COUNT; r++) {
        for (int v : n[r]) {
          out[r] += v;
        }
        out[r] /= t;
      }
    }
    return out;
  }
}
