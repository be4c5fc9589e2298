package nl.veerkracht.atelier;

import java.time.LocalDate;
import java.util.List;

/** The bodies atelier requests send. Every field may be missing; the service says what is wrong. */
public final class AtelierRequests {

  private AtelierRequests() {}

  /**
   * @param type {@code gebied}, {@code beleid} or {@code bewoners} (also {@code gebiedsatelier} …)
   * @param corporation the corporation's code; the caller's own when they facilitate for one only
   */
  public record NewAtelier(
      String corporation,
      String name,
      String type,
      List<String> areaCodes,
      List<String> complexCodes,
      Integer votesPerParticipant,
      List<String> categories,
      List<String> themes,
      List<String> cards,
      List<String> layers,
      Boolean requireApproval,
      LocalDate heldOn,
      String startsAt,
      String place,
      String contact,
      List<String> groups) {}

  /**
   * A change of an atelier's settings while it is prepared or runs; a field left out (null) stays
   * as it is; an empty time, place or contact clears it.
   */
  public record Settings(
      String name,
      LocalDate heldOn,
      String startsAt,
      String place,
      String contact,
      Integer votesPerParticipant,
      Boolean requireApproval,
      List<String> cards,
      List<String> layers,
      List<String> categories,
      List<String> themes,
      List<String> groups) {}

  /**
   * A change of a problem area; a field left out stays. A new outline takes in the visible pins
   * inside it (with the pins named in {@code pinIds}, when given).
   */
  public record ProblemAreaEdit(
      String name,
      List<String> buurtCodes,
      List<String> complexCodes,
      List<Long> pinIds,
      List<List<Double>> outline) {}

  /** A change of a measure; a field left out stays. */
  public record MeasureEdit(String title, String lever, String description) {}

  /**
   * @param group who they are here: an organisation, a discipline, or {@code bewoner}
   */
  public record Join(String joinCode, String displayName, String group) {}

  /**
   * @param clientId the sender's own id for this pin: a retry with the same id is stored once
   */
  public record NewPin(
      Double lat, Double lon, String category, String theme, String text, String clientId) {}

  public record PinEdit(String category, String theme, String text) {}

  /**
   * @param action {@code hide}, {@code restore}, {@code approve} or {@code merge} (with {@code
   *     into})
   */
  public record Moderation(String action, Long into) {}

  /**
   * @param answer {@code herkenbaar}, {@code niet_herkenbaar} or {@code weet_niet}
   */
  public record Answer(String card, String answer, String remark) {}

  /** The facilitator approves one participant's remark on one card as it stands. */
  public record RemarkApproval(Long participantId, String card) {}

  /**
   * @param outline drawn on the map: {@code [lon, lat]} points of a ring; the pins inside belong to
   *     the area too
   */
  public record NewProblemArea(
      String name,
      List<String> buurtCodes,
      List<String> complexCodes,
      List<Long> pinIds,
      List<List<Double>> outline) {}

  /**
   * @param lever {@code onderhoud}, {@code huurprijsbeleid}, … or {@code combinatie}
   */
  public record NewMeasure(Long problemAreaId, String title, String lever, String description) {}

  /**
   * @param count the number of votes the caller puts on this measure (not added: set)
   */
  public record Vote(Long targetId, Integer count) {}

  /** The figure card the projector shows: its place in the atelier's list, 0 for the first. */
  public record Present(Integer card) {}

  /** Show ({@code revealed: true}) or hide a blind round: {@code votes} or {@code card:<card>}. */
  public record Reveal(String round, Boolean revealed) {}

  public record PhaseChange(String phase) {}
}
