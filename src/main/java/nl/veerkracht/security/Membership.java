package nl.veerkracht.security;

/** A user's staff role in one corporation. */
public record Membership(
    long corporationId, String corporationCode, String corporationName, Role role) {

  /** Staff roles within a corporation. */
  public enum Role {
    /** Loads data, reads every figure, prepares ateliers. */
    ANALYST,
    /** Runs ateliers. */
    FACILITATOR,
    /** Reads plans, budget and monitoring. */
    MANAGER,
    /** Reads only. */
    VIEWER;

    public boolean canImport() {
      return this == ANALYST;
    }

    /** Makes and edits planned measures and beheerplan drafts: everyone but viewers. */
    public boolean canPlan() {
      return this != VIEWER;
    }

    /** Approves a beheerplan version. */
    public boolean canApprove() {
      return this == MANAGER;
    }
  }
}
