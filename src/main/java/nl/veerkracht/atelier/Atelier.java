package nl.veerkracht.atelier;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A werkatelier: a facilitator's session with partners, staff or residents about one area, its
 * figures, pins and measures.
 *
 * @param areaCodes the buurten and wijken it is about (of division year {@code areaYear})
 * @param complexCodes the corporation's complexes it is about
 * @param votesPerParticipant each participant's budget per problem area
 * @param cards the figure cards read together, in order
 * @param presentedCard the figure card the projector shows (0 = the first), moved on by the
 *     facilitator
 * @param layers the figures its map can colour the buurten by (outlines are always shown)
 * @param startsAt when it begins, for the invitation (null: not said)
 * @param place where it is held, for the invitation
 * @param contact whom to ask, for the invitation
 * @param groups the groups participants choose from (the facilitator edits the list)
 */
public record Atelier(
    long id,
    long corporationId,
    String name,
    Kind kind,
    List<String> areaCodes,
    List<String> complexCodes,
    int areaYear,
    int votesPerParticipant,
    List<String> categories,
    List<String> themes,
    List<String> cards,
    List<String> layers,
    boolean requireApproval,
    LocalDate heldOn,
    String joinCode,
    Phase phase,
    String createdBy,
    List<String> revealed,
    int presentedCard,
    LocalTime startsAt,
    String place,
    String contact,
    List<String> groups) {

  /** The blind round of the votes. */
  public static final String VOTES = "votes";

  /** The blind round of one figure card. */
  public static String cardRound(String card) {
    return "card:" + card;
  }

  /**
   * Whether the room may see the tally of this round: the facilitator revealed it, or the atelier
   * is closed (its record is the room's).
   */
  public boolean isRevealed(String round) {
    return phase == Phase.CLOSED || revealed.contains(round);
  }

  /** Who comes: partners, the corporation's own staff, or residents. */
  public enum Kind {
    GEBIED("gebiedsatelier"),
    BELEID("beleidsatelier"),
    BEWONERS("bewonersatelier");

    private final String dutch;

    Kind(String dutch) {
      this.dutch = dutch;
    }

    public String dutch() {
      return dutch;
    }

    /** {@code GEBIED}, {@code gebied} or {@code gebiedsatelier}, any case. */
    public static Optional<Kind> find(String raw) {
      if (raw == null) {
        return Optional.empty();
      }
      String s = raw.trim().toLowerCase(Locale.ROOT);
      for (Kind k : values()) {
        if (s.equals(k.name().toLowerCase(Locale.ROOT)) || s.equals(k.dutch)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /** The facilitator moves the atelier through these, in this order. */
  public enum Phase {
    PREPARING,
    READING,
    PINNING,
    PRIORITISING,
    CLOSED;

    public static Optional<Phase> find(String raw) {
      if (raw == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(valueOf(raw.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  /** Residents come: the resident rules apply to everything a participant or the projector sees. */
  public boolean residents() {
    return kind == Kind.BEWONERS;
  }
}
