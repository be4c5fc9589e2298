package nl.veerkracht.allocation.domain;

import java.util.Locale;
import java.util.Set;

/**
 * The allocation scenarios a complex can be tried with. Each gives the shares of its lettings per
 * route; the routes themselves and their volumes are set from outside (statushouder task, urgency
 * rules), so what a corporation chooses is mostly where they land.
 */
public enum Scenarios {
  /** As the window's lettings of the complex went (calibrated). */
  STATUS_QUO,
  /** Every complex lets like the portfolio: the vulnerable routes spread in proportion. */
  SPREADING,
  /**
   * At most {@code cap} of the complex's lettings go to the vulnerable routes; the rest regular.
   */
  CAP,
  /** The complex is labelled (e.g. for seniors or starters): no lettings by vulnerable routes. */
  LABELLING,
  /**
   * Local priority (lokaal maatwerk) for a share of the lettings: it changes who gets a home within
   * the regular routes, not the routes — the priority routes are let as before — so the route
   * shares stay the status quo's; what the scenario adds is the check of the 50 % limit.
   */
  LOCAL_PRIORITY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Scenarios ofId(String id) {
    return valueOf(id.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * The shares of this scenario for a complex.
   *
   * @param cap the cap of {@link #CAP}, a share between 0 and 1
   */
  public double[] shares(double[] complex, double[] portfolio, Set<Route> vulnerable, double cap) {
    return switch (this) {
      case STATUS_QUO -> complex.clone();
      case SPREADING -> portfolio.clone();
      case CAP -> capped(complex, vulnerable, cap);
      case LABELLING -> capped(complex, vulnerable, 0);
      case LOCAL_PRIORITY -> complex.clone();
    };
  }

  /** The vulnerable routes scaled down to {@code cap} together; what they lose goes to the rest. */
  static double[] capped(double[] shares, Set<Route> vulnerable, double cap) {
    double v = 0;
    for (Route r : vulnerable) {
      v += shares[r.ordinal()];
    }
    if (v <= cap) {
      return shares.clone();
    }
    double[] out = shares.clone();
    double rest = 1 - v;
    for (Route r : Route.values()) {
      int i = r.ordinal();
      if (vulnerable.contains(r)) {
        out[i] = shares[i] * cap / v;
      } else if (rest > 0) {
        out[i] = shares[i] * (1 - cap) / rest;
      }
    }
    if (rest <= 0) {
      out[Route.REGULAR_LOW.ordinal()] += 1 - cap;
    }
    return out;
  }
}
