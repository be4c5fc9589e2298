package nl.veerkracht.analysis.domain;

import nl.veerkracht.common.Text;

/**
 * The veerkracht signal: where the concentration of vulnerable residents rises and nuisance and
 * insecurity get worse at the same time. Modelled on the Aedes research "Veerkracht in het
 * corporatiebezit" (RIGO, 2018; updates 2020 and 2023), with open data instead of CBS microdata. It
 * is a signal to look closer, not a verdict.
 */
public enum Signal {
  /** Vulnerability up and nuisance/insecurity worse. */
  UNDER_PRESSURE(1),
  /** Vulnerability up, nuisance/insecurity not worse: the buurt copes for now. */
  COPING(2),
  /** Nuisance/insecurity worse without rising vulnerability. */
  NUISANCE_RISING(3),
  /** Neither. */
  STABLE(4);

  private final int code;

  Signal(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The signal's name ("onder druk", "under pressure"), from the message bundles. */
  public Text label() {
    return Text.msg("signal." + code);
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
