package nl.veerkracht.analysis.domain;

/**
 * The veerkracht signal: where the concentration of vulnerable residents rises and nuisance and
 * insecurity get worse at the same time. Modelled on the Aedes research "Veerkracht in het
 * corporatiebezit" (RIGO, 2018; updates 2020 and 2023), with open data instead of CBS microdata. It
 * is a signal to look closer, not a verdict.
 */
public enum Signal {
  /** Vulnerability up and nuisance/insecurity worse. */
  UNDER_PRESSURE(1, "onder druk", "under pressure"),
  /** Vulnerability up, nuisance/insecurity not worse: the buurt copes for now. */
  COPING(2, "kwetsbaarheid stijgt, overlast niet", "vulnerability rising, nuisance not"),
  /** Nuisance/insecurity worse without rising vulnerability. */
  NUISANCE_RISING(3, "overlast neemt toe", "nuisance rising"),
  /** Neither. */
  STABLE(4, "stabiel of verbeterend", "stable or improving");

  private final int code;
  private final String nl;
  private final String en;

  Signal(int code, String nl, String en) {
    this.code = code;
    this.nl = nl;
    this.en = en;
  }

  public int code() {
    return code;
  }

  public String nl() {
    return nl;
  }

  public String en() {
    return en;
  }

  /**
   * Classifies a change.
   *
   * @param vulnerabilityChange ΔV in index points
   * @param onvChange change of the Leefbaarometer nuisance-and-insecurity score (negative is worse)
   * @param rise ΔV above which vulnerability counts as rising
   * @param worse fall of the score beyond which nuisance counts as worse
   */
  public static Signal classify(
      double vulnerabilityChange, double onvChange, double rise, double worse) {
    boolean up = vulnerabilityChange > rise;
    boolean nuisance = onvChange < -worse;
    if (up && nuisance) {
      return UNDER_PRESSURE;
    }
    if (up) {
      return COPING;
    }
    if (nuisance) {
      return NUISANCE_RISING;
    }
    return STABLE;
  }

  public static Signal ofCode(int code) {
    for (Signal s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("No signal " + code);
  }
}
