package nl.veerkracht.allocation.domain;

/**
 * Yearly exit rates (the share of households that leave their home in a year) per route and
 * length-of-residence class.
 *
 * @param rates [route ordinal][residence class], each between 0 and 1
 */
public record Hazards(double[][] rates) {

  public Hazards {
    if (rates.length != Route.COUNT) {
      throw new IllegalArgumentException("one row of rates per route");
    }
    for (double[] row : rates) {
      if (row.length != Residence.CLASSES) {
        throw new IllegalArgumentException("one rate per residence class");
      }
      for (double r : row) {
        if (!(r >= 0 && r <= 1)) {
          throw new IllegalArgumentException("a rate lies between 0 and 1: " + r);
        }
      }
    }
  }

  /** One rate for every route and class. */
  public static Hazards uniform(double rate) {
    double[][] r = new double[Route.COUNT][Residence.CLASSES];
    for (double[] row : r) {
      java.util.Arrays.fill(row, rate);
    }
    return new Hazards(r);
  }

  /** One rate per route, the same for every class. */
  public static Hazards perRoute(java.util.Map<Route, Double> rates, double otherwise) {
    double[][] r = new double[Route.COUNT][Residence.CLASSES];
    for (Route route : Route.values()) {
      java.util.Arrays.fill(r[route.ordinal()], rates.getOrDefault(route, otherwise));
    }
    return new Hazards(r);
  }

  /** The rate of a route for households that have lived {@code bin} years in the home. */
  public double rate(int route, int bin) {
    return rates[route][Residence.classOf(bin)];
  }

  /** These rates times a factor (the low / high turnover variants), capped at 1. */
  public Hazards scaled(double factor) {
    double[][] r = new double[Route.COUNT][Residence.CLASSES];
    for (int i = 0; i < Route.COUNT; i++) {
      for (int c = 0; c < Residence.CLASSES; c++) {
        r[i][c] = Math.min(1, rates[i][c] * factor);
      }
    }
    return new Hazards(r);
  }
}
