package nl.veerkracht.allocation.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calibrates the model per complex on a corporation's own records, for a reference year: the start
 * stock is the households at the end of that year; the exit rates are the exits over the households
 * at risk at the start of each year of the window (the reference year and the years before it), per
 * route and residence class; the shares are the window's lettings by route. A thin complex is
 * pulled towards the portfolio: rate = (exits + {@value #SHRINK} × portfolio rate) / (at risk +
 * {@value #SHRINK}), share = (lettings + {@value #SHRINK} × portfolio share) / (all lettings +
 * {@value #SHRINK}).
 */
public final class Calibration {

  /** The weight of the portfolio, in household-years (rates) or lettings (shares). */
  public static final double SHRINK = 10;

  /** What a complex is calibrated to. */
  public record ComplexModel(
      String complex,
      int[][] start,
      Hazards hazards,
      double[] shares,
      int households,
      int lettings,
      int atRiskYears,
      int exits) {

    public double[][] startAsDouble() {
      double[][] out = new double[Route.COUNT][Residence.BINS];
      for (int r = 0; r < Route.COUNT; r++) {
        for (int b = 0; b < Residence.BINS; b++) {
          out[r][b] = start[r][b];
        }
      }
      return out;
    }
  }

  /** The calibration of every complex, and the portfolio's rates and shares. */
  public record Result(
      int referenceYear,
      int fromYear,
      Map<String, ComplexModel> complexes,
      Hazards portfolioHazards,
      double[] portfolioShares) {}

  private Calibration() {}

  /**
   * @param window years in the window, 3 to 5 (the reference year and those before it)
   */
  public static Result calibrate(LettingHistory history, int referenceYear, int window) {
    if (window < 1 || window > 10) {
      throw new IllegalArgumentException("a window of 1 to 10 years");
    }
    int from = referenceYear - window + 1;
    Map<String, int[][]> exits = new TreeMap<>();
    Map<String, int[][]> atRisk = new TreeMap<>();
    Map<String, int[]> lettings = new TreeMap<>();
    for (int y = from; y <= referenceYear; y++) {
      history
          .flows(y)
          .forEach(
              (complex, f) -> {
                add(
                    exits.computeIfAbsent(complex, k -> new int[Route.COUNT][Residence.CLASSES]),
                    f.exits());
                add(
                    atRisk.computeIfAbsent(complex, k -> new int[Route.COUNT][Residence.CLASSES]),
                    f.atRisk());
                int[] l = lettings.computeIfAbsent(complex, k -> new int[Route.COUNT]);
                for (int r = 0; r < Route.COUNT; r++) {
                  l[r] += f.lettings()[r];
                }
              });
    }
    Hazards portfolio = portfolioHazards(exits, atRisk);
    double[] portfolioShares = portfolioShares(lettings);
    Map<String, int[][]> start = history.stockAt(LocalDate.of(referenceYear, 12, 31));
    Map<String, ComplexModel> models = new TreeMap<>();
    start.forEach(
        (complex, n) -> {
          int[][] e = exits.getOrDefault(complex, new int[Route.COUNT][Residence.CLASSES]);
          int[][] a = atRisk.getOrDefault(complex, new int[Route.COUNT][Residence.CLASSES]);
          int[] l = lettings.getOrDefault(complex, new int[Route.COUNT]);
          double[][] rates = new double[Route.COUNT][Residence.CLASSES];
          int allExits = 0;
          int allAtRisk = 0;
          for (int r = 0; r < Route.COUNT; r++) {
            for (int c = 0; c < Residence.CLASSES; c++) {
              rates[r][c] = (e[r][c] + SHRINK * portfolio.rates()[r][c]) / (a[r][c] + SHRINK);
              allExits += e[r][c];
              allAtRisk += a[r][c];
            }
          }
          int households = 0;
          for (int[] row : n) {
            for (int v : row) {
              households += v;
            }
          }
          models.put(
              complex,
              new ComplexModel(
                  complex,
                  n,
                  new Hazards(rates),
                  shrunkShares(l, portfolioShares),
                  households,
                  sum(l),
                  allAtRisk,
                  allExits));
        });
    return new Result(referenceYear, from, models, portfolio, portfolioShares);
  }

  private static void add(int[][] byClass, int[][] byBin) {
    for (int r = 0; r < Route.COUNT; r++) {
      for (int b = 0; b < Residence.BINS; b++) {
        byClass[r][Residence.classOf(b)] += byBin[r][b];
      }
    }
  }

  private static Hazards portfolioHazards(Map<String, int[][]> exits, Map<String, int[][]> atRisk) {
    double[][] e = new double[Route.COUNT][Residence.CLASSES];
    double[][] a = new double[Route.COUNT][Residence.CLASSES];
    double allE = 0;
    double allA = 0;
    for (String complex : atRisk.keySet()) {
      for (int r = 0; r < Route.COUNT; r++) {
        for (int c = 0; c < Residence.CLASSES; c++) {
          e[r][c] += exits.get(complex)[r][c];
          a[r][c] += atRisk.get(complex)[r][c];
          allE += exits.get(complex)[r][c];
          allA += atRisk.get(complex)[r][c];
        }
      }
    }
    double overall = allA == 0 ? 0 : allE / allA;
    double[][] rates = new double[Route.COUNT][Residence.CLASSES];
    for (int r = 0; r < Route.COUNT; r++) {
      for (int c = 0; c < Residence.CLASSES; c++) {
        // a cell the whole portfolio never had: the portfolio's overall rate
        rates[r][c] = a[r][c] == 0 ? overall : e[r][c] / a[r][c];
      }
    }
    return new Hazards(rates);
  }

  private static double[] portfolioShares(Map<String, int[]> lettings) {
    int[] all = new int[Route.COUNT];
    lettings
        .values()
        .forEach(
            l -> {
              for (int r = 0; r < Route.COUNT; r++) {
                all[r] += l[r];
              }
            });
    double total = sum(all);
    double[] shares = new double[Route.COUNT];
    if (total == 0) {
      shares[Route.REGULAR_LOW.ordinal()] = 1;
      return shares;
    }
    for (int r = 0; r < Route.COUNT; r++) {
      shares[r] = all[r] / total;
    }
    return shares;
  }

  private static double[] shrunkShares(int[] lettings, double[] portfolio) {
    double total = sum(lettings);
    double[] shares = new double[Route.COUNT];
    for (int r = 0; r < Route.COUNT; r++) {
      shares[r] = (lettings[r] + SHRINK * portfolio[r]) / (total + SHRINK);
    }
    return shares;
  }

  private static int sum(int[] values) {
    int s = 0;
    for (int v : values) {
      s += v;
    }
    return s;
  }
}
