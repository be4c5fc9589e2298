package nl.veerkracht.plan;

/**
 * The bodies beheerplan requests send. Every field may be missing; the service says what is wrong.
 */
public final class PlanRequests {

  private PlanRequests() {}

  /** The texts of a beheerplan draft: the summary and the agreements made. */
  public record DraftTexts(String summary, String agreements) {}
}
