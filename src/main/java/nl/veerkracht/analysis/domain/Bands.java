package nl.veerkracht.analysis.domain;

import java.util.List;

/** Livability classes from the Leefbaarometer deviation, and the corporation-share bands. */
public final class Bands {

  private static final String[] LBM_NL = {
    "zeer onvoldoende",
    "ruim onvoldoende",
    "onvoldoende",
    "zwak",
    "voldoende",
    "ruim voldoende",
    "goed",
    "zeer goed",
    "uitstekend"
  };

  private static final String[] LBM_EN = {
    "very poor",
    "poor",
    "insufficient",
    "weak",
    "sufficient",
    "amply sufficient",
    "good",
    "very good",
    "excellent"
  };

  private Bands() {}

  /** The nine class names, 1 first. */
  public static String[] lbmLabels(boolean english) {
    return (english ? LBM_EN : LBM_NL).clone();
  }

  /**
   * The Leefbaarometer class (1–9) of a deviation {@code afw} from the national mean: the number of
   * limits at or below it, plus one. Derive classes from {@code afw}, never from the score {@code
   * lbm}, which shifts between editions.
   */
  public static int lbmClass(double afw, List<Double> limits) {
    int c = 1;
    for (double limit : limits) {
      if (afw >= limit) {
        c++;
      }
    }
    return c;
  }

  public static String lbmLabel(int lbmClass) {
    return LBM_NL[Math.max(1, Math.min(9, lbmClass)) - 1];
  }

  /**
   * The corporation-share band: 1 below the first limit, 2 up to the second, 3 above it ({@code
   * corporatiebuurt}, more than two thirds by default).
   */
  public static int shareBand(double pct, List<Double> bands) {
    if (pct > bands.get(1)) {
      return 3;
    }
    return pct >= bands.get(0) ? 2 : 1;
  }

  public static String shareLabel(int band) {
    return switch (band) {
      case 1 -> "minder dan een derde corporatiewoningen";
      case 2 -> "een derde tot twee derde corporatiewoningen";
      default -> "corporatiebuurt (meer dan twee derde corporatiewoningen)";
    };
  }
}
