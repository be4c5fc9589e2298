package nl.veerkracht.analysis.domain;

import java.util.List;
import nl.veerkracht.common.Text;

/** Livability classes from the Leefbaarometer deviation, and the corporation-share bands. */
public final class Bands {

  private Bands() {}

  /**
   * The Leefbaarometer class (1–9) of a deviation {@code afw} from the national mean (or of a
   * dimension score): one plus the number of limits below it (a value above a limit lies in the
   * higher class). With the default limits this reproduces every published class of the 2024
   * edition. Derive classes from {@code afw}, never from the score {@code lbm}, which shifts
   * between editions.
   */
  public static int lbmClass(double afw, List<Double> limits) {
    int c = 1;
    for (double limit : limits) {
      if (afw > limit) {
        c++;
      }
    }
    return c;
  }

  /** The name of a Leefbaarometer class ("goed", "good"); classes outside 1–9 are clamped. */
  public static Text lbmLabel(int lbmClass) {
    return Text.msg("lbm.class." + Math.max(1, Math.min(9, lbmClass)));
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

  public static Text shareLabel(int band) {
    return Text.msg("band.share." + Math.max(1, Math.min(3, band)));
  }
}
