package nl.veerkracht.analysis.domain;

/**
 * The small-numbers rule for every figure that leaves the staff view: counts of fewer than 10
 * households or persons are suppressed, other counts are rounded to the nearest 5, and shares are
 * only given when their denominator is at least 10 (rounded to whole percents).
 */
public final class SmallNumbers {

  public static final int THRESHOLD = 10;

  private SmallNumbers() {}

  /** A count, or null when it is below the threshold; rounded to 5. */
  public static Integer count(long n) {
    if (n < THRESHOLD) {
      return null;
    }
    return (int) (Math.round(n / 5.0) * 5);
  }

  /** A percentage {@code part / whole}, or null when {@code whole} is below the threshold. */
  public static Double share(long part, long whole) {
    if (whole < THRESHOLD) {
      return null;
    }
    return (double) Math.round(100.0 * part / whole);
  }

  /** Whether a figure about {@code n} households or persons may be shown. */
  public static boolean showable(long n) {
    return n >= THRESHOLD;
  }
}
