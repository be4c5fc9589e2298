package nl.veerkracht.allocation.domain;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The same model as {@link StockFlow}, household by household with chance: each household leaves in
 * a year with its exit rate, and each vacancy goes to a route drawn with the scenario's shares — so
 * a run's exits are binomial and its lettings multinomial. Many runs give bands (P10–P90) around
 * the expected path; a complex of 40 homes gets about three lettings a year, so the bands are wide
 * and belong next to every result.
 */
public final class MonteCarlo {

  private MonteCarlo() {}

  /** Per year, the 10th, 50th and 90th percentile over the runs, and the mean. */
  public record Band(double[] p10, double[] p50, double[] p90, double[] mean) {}

  /**
   * @param vulnerable the share of households on the chosen routes
   * @param routeMeans [route ordinal][year] the mean share of households on that route
   */
  public record Result(Band vulnerable, double[][] routeMeans, int runs) {}

  /**
   * @param start [route ordinal][residence bin] whole households at the start
   * @param vulnerable which routes count as vulnerable (one bit per route ordinal)
   */
  public static Result run(
      int[][] start,
      Hazards hazards,
      Scenario scenario,
      int years,
      int runs,
      long seed,
      java.util.Set<Route> vulnerable) {
    int households = 0;
    for (int[] row : start) {
      for (int v : row) {
        households += v;
      }
    }
    int capacity = households + years * scenario.newBuildPerYear();
    byte[] route0 = new byte[capacity];
    byte[] bin0 = new byte[capacity];
    int k = 0;
    for (int r = 0; r < Route.COUNT; r++) {
      for (int b = 0; b < Residence.BINS; b++) {
        for (int i = 0; i < start[r][b]; i++) {
          route0[k] = (byte) r;
          bin0[k++] = (byte) b;
        }
      }
    }
    double[] rate = new double[Route.COUNT * Residence.BINS];
    for (int r = 0; r < Route.COUNT; r++) {
      for (int b = 0; b < Residence.BINS; b++) {
        rate[r * Residence.BINS + b] = hazards.rate(r, b);
      }
    }
    double[] cumulative = new double[Route.COUNT];
    double c = 0;
    for (int r = 0; r < Route.COUNT; r++) {
      c += scenario.shares()[r];
      cumulative[r] = c;
    }
    boolean[] isVulnerable = new boolean[Route.COUNT];
    vulnerable.forEach(r -> isVulnerable[r.ordinal()] = true);

    // [year][run] for the vulnerable share; per route only the sum over runs
    double[][] vShare = new double[years + 1][runs];
    double[][] rShare = new double[Route.COUNT][years + 1];
    SplittableRandom random = new SplittableRandom(seed);
    byte[] route = new byte[capacity];
    byte[] bin = new byte[capacity];
    int[] counts = new int[Route.COUNT];
    for (int run = 0; run < runs; run++) {
      System.arraycopy(route0, 0, route, 0, households);
      System.arraycopy(bin0, 0, bin, 0, households);
      int n = households;
      record(route, n, counts, isVulnerable, vShare, rShare, 0, run);
      for (int y = 1; y <= years; y++) {
        n = year(route, bin, n, rate, cumulative, scenario, random);
        record(route, n, counts, isVulnerable, vShare, rShare, y, run);
      }
    }
    for (double[] byYear : rShare) {
      for (int y = 0; y <= years; y++) {
        byYear[y] /= runs;
      }
    }
    return new Result(band(vShare), rShare, runs);
  }

  /** One year of one run; returns the number of households after it. */
  private static int year(
      byte[] route,
      byte[] bin,
      int n,
      double[] rate,
      double[] cumulative,
      Scenario scenario,
      SplittableRandom random) {
    // exits and ageing; a leaving household's slot is kept for a newcomer or dropped
    int kept = 0;
    int exits = 0;
    for (int i = 0; i < n; i++) {
      int r = route[i];
      int b = bin[i];
      if (random.nextDouble() < rate[r * Residence.BINS + b]) {
        exits++;
      } else {
        route[kept] = (byte) r;
        bin[kept++] = (byte) Math.min(b + 1, Residence.BINS - 1);
      }
    }
    int vacancies = Math.max(0, exits + scenario.newBuildPerYear() - scenario.removedPerYear());
    for (int v = 0; v < vacancies; v++) {
      double u = random.nextDouble();
      int r = 0;
      while (r < Route.COUNT - 1 && u >= cumulative[r]) {
        r++;
      }
      route[kept] = (byte) r;
      bin[kept++] = 0;
    }
    return kept;
  }

  private static void record(
      byte[] route,
      int n,
      int[] counts,
      boolean[] isVulnerable,
      double[][] vShare,
      double[][] rShare,
      int year,
      int run) {
    Arrays.fill(counts, 0);
    for (int i = 0; i < n; i++) {
      counts[route[i]]++;
    }
    int v = 0;
    for (int r = 0; r < Route.COUNT; r++) {
      if (isVulnerable[r]) {
        v += counts[r];
      }
      rShare[r][year] += n == 0 ? 0 : (double) counts[r] / n;
    }
    vShare[year][run] = n == 0 ? 0 : (double) v / n;
  }

  private static Band band(double[][] byYearAndRun) {
    int years = byYearAndRun.length;
    double[] p10 = new double[years];
    double[] p50 = new double[years];
    double[] p90 = new double[years];
    double[] mean = new double[years];
    for (int y = 0; y < years; y++) {
      double[] v = byYearAndRun[y];
      Arrays.sort(v);
      p10[y] = quantile(v, 0.10);
      p50[y] = quantile(v, 0.50);
      p90[y] = quantile(v, 0.90);
      mean[y] = Arrays.stream(v).average().orElse(0);
    }
    return new Band(p10, p50, p90, mean);
  }

  /** Linear interpolation between closest ranks (type 7) of sorted values. */
  static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
