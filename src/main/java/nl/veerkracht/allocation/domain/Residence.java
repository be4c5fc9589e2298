package nl.veerkracht.allocation.domain;

/**
 * Length of residence: the model counts single years 0 to 4 and 5 or more ({@link #BINS} bins), and
 * groups them into the three classes hazards are estimated for: 0–1, 2–4 and 5+ years.
 */
public final class Residence {

  /** Years 0, 1, 2, 3, 4 and 5+. */
  public static final int BINS = 6;

  public static final int CLASSES = 3;

  public static final String[] CLASS_LABELS = {"0-1", "2-4", "5+"};

  private Residence() {}

  /** The class (0: 0–1, 1: 2–4, 2: 5+) of a number of whole years lived in the home. */
  public static int classOf(int years) {
    return years <= 1 ? 0 : years <= 4 ? 1 : 2;
  }

  /** The bin of a number of whole years lived in the home. */
  public static int binOf(int years) {
    return Math.max(0, Math.min(BINS - 1, years));
  }
}
