package nl.veerkracht.allocation.domain;

import java.util.Set;

/**
 * The expected path of a complex's households by route, year by year: households leave at their
 * route's and residence class's exit rate, those who stay live a year longer, and the vacancies
 * (exits + new build − removals) are let by the scenario's shares. No randomness: the expected
 * value the Monte-Carlo runs scatter around.
 */
public final class StockFlow {

  private StockFlow() {}

  /**
   * Households per route at the end of each year, year 0 being the start stock, and the lettings of
   * each year (0 in year 0).
   */
  public record Path(double[][] byYear, double[] lettings) {

    /** The mean lettings a year over the path. */
    public double lettingsPerYear() {
      double sum = 0;
      for (int y = 1; y < lettings.length; y++) {
        sum += lettings[y];
      }
      return lettings.length > 1 ? sum / (lettings.length - 1) : 0;
    }

    public int years() {
      return byYear.length - 1;
    }

    public double total(int year) {
      double t = 0;
      for (double v : byYear[year]) {
        t += v;
      }
      return t;
    }

    /** The share of households on the given routes in a year (0 for an empty complex). */
    public double share(int year, Set<Route> routes) {
      double total = total(year);
      if (total == 0) {
        return 0;
      }
      double v = 0;
      for (Route r : routes) {
        v += byYear[year][r.ordinal()];
      }
      return v / total;
    }
  }

  /**
   * @param start [route ordinal][residence bin] households at the start
   */
  public static Path expected(double[][] start, Hazards hazards, Scenario scenario, int years) {
    double[][] n = copy(start);
    double[][] out = new double[years + 1][];
    double[] lettings = new double[years + 1];
    out[0] = byRoute(n);
    for (int y = 1; y <= years; y++) {
      n = step(n, hazards, scenario);
      out[y] = byRoute(n);
      lettings[y] = StockFlow.lettings(n);
    }
    return new Path(out, lettings);
  }

  /** One year on. */
  static double[][] step(double[][] n, Hazards hazards, Scenario scenario) {
    double[][] next = new double[Route.COUNT][Residence.BINS];
    double exits = 0;
    for (int r = 0; r < Route.COUNT; r++) {
      for (int b = 0; b < Residence.BINS; b++) {
        double leave = n[r][b] * hazards.rate(r, b);
        exits += leave;
        next[r][Math.min(b + 1, Residence.BINS - 1)] += n[r][b] - leave;
      }
    }
    double vacancies = Math.max(0, exits + scenario.newBuildPerYear() - scenario.removedPerYear());
    for (int r = 0; r < Route.COUNT; r++) {
      next[r][0] += vacancies * scenario.shares()[r];
    }
    return next;
  }

  /** The newcomers of the year just stepped: the households in residence bin 0. */
  private static double lettings(double[][] n) {
    double sum = 0;
    for (double[] row : n) {
      sum += row[0];
    }
    return sum;
  }

  static double[] byRoute(double[][] n) {
    double[] out = new double[Route.COUNT];
    for (int r = 0; r < Route.COUNT; r++) {
      for (double v : n[r]) {
        out[r] += v;
      }
    }
    return out;
  }

  private static double[][] copy(double[][] start) {
    if (start.length != Route.COUNT) {
      throw new IllegalArgumentException("one row per route");
    }
    double[][] n = new double[Route.COUNT][];
    for (int r = 0; r < Route.COUNT; r++) {
      if (start[r].length != Residence.BINS) {
        throw new IllegalArgumentException("one count per residence bin");
      }
      n[r] = start[r].clone();
    }
    return n;
  }
}
