package nl.veerkracht.statistics.domain;

/** Whether a value is known; a missing or secret value is never stored as 0. */
public enum ObservationStatus {
  OK("ok"),
  /** Not available: '.', empty, NA, or a sentinel such as -99995. */
  MISSING("missing"),
  /** Withheld by the source for privacy or too small numbers (-99997, 'x'). */
  SECRET("secret");

  private final String id;

  ObservationStatus(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static ObservationStatus of(String id) {
    for (ObservationStatus s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown status " + id);
  }
}
