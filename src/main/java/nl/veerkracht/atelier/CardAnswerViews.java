package nl.veerkracht.atelier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The room's answers on the figure cards as each lens shows them (see {@link AtelierViews}): counts
 * per answer and per group (small groups merged, or left out), remarks as the room or the
 * facilitator sees them, and who answered what for the caller's own answer.
 */
@Component
class CardAnswerViews {

  private final AtelierRepository repository;
  private final RoomRepository roomRepository;

  CardAnswerViews(AtelierRepository repository, RoomRepository roomRepository) {
    this.repository = repository;
    this.roomRepository = roomRepository;
  }

  List<AtelierViews.CardAnswers> answers(Atelier a, Caller caller, AtelierViews.Lens lens) {
    List<RoomRepository.Answer> all = roomRepository.answers(a.id());
    Map<String, String> groupOf = shownGroups(a);
    List<AtelierViews.CardAnswers> out = new ArrayList<>();
    for (String card : a.cards()) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String k : List.of("RECOGNISED", "NOT_RECOGNISED", "DONT_KNOW")) {
        counts.put(k, 0);
      }
      Map<String, Map<String, Integer>> byGroup = new TreeMap<>();
      List<String> remarks = new ArrayList<>();
      List<AtelierViews.RemarkReview> review = new ArrayList<>();
      String mine = null;
      String myRemark = null;
      for (RoomRepository.Answer x : all) {
        if (!x.card().equals(card)) {
          continue;
        }
        counts.merge(x.answer(), 1, Integer::sum);
        String shown = x.groupKind() == null ? null : groupOf.get(x.groupKind());
        if (shown != null) {
          byGroup
              .computeIfAbsent(shown, g -> new LinkedHashMap<>())
              .merge(x.answer(), 1, Integer::sum);
        }
        if (!x.remark().isBlank()) {
          remarks.add(lens == AtelierViews.Lens.STAFF ? x.remark() : x.shownRemark());
          if (lens == AtelierViews.Lens.STAFF && caller.isModerator()) {
            review.add(
                new AtelierViews.RemarkReview(
                    x.participantId(),
                    x.remark(),
                    !x.remarkApproved() && !x.shownRemark().equals(x.remark()),
                    x.remarkApproved()));
          }
        }
        if (caller instanceof Caller.Participant p && p.id() == x.participantId()) {
          mine = x.answer();
          myRemark = x.remark();
        }
      }
      boolean revealed = lens != AtelierViews.Lens.ROOM || a.isRevealed(Atelier.cardRound(card));
      out.add(
          revealed
              ? new AtelierViews.CardAnswers(
                  card, true, counts, byGroup, remarks, mine, myRemark, review)
              : new AtelierViews.CardAnswers(
                  card, false, null, Map.of(), List.of(), mine, myRemark, review));
    }
    return out;
  }

  /**
   * The group each group is shown under: itself when it has {@link AtelierViews#MIN_GROUP} people
   * or more, otherwise {@link AtelierViews#OTHER_GROUP} together with the other small groups, and
   * not at all when those together are still fewer (no one's answer or vote can be read off a small
   * group).
   */
  Map<String, String> shownGroups(Atelier a) {
    Map<String, Integer> sizes = groupSizes(a);
    Map<String, String> shown = new HashMap<>();
    int small = 0;
    for (Map.Entry<String, Integer> e : sizes.entrySet()) {
      if (e.getValue() >= AtelierViews.MIN_GROUP) {
        shown.put(e.getKey(), e.getKey());
      } else {
        small += e.getValue();
      }
    }
    if (small >= AtelierViews.MIN_GROUP) {
      for (Map.Entry<String, Integer> e : sizes.entrySet()) {
        if (e.getValue() < AtelierViews.MIN_GROUP) {
          shown.put(e.getKey(), AtelierViews.OTHER_GROUP);
        }
      }
    }
    return shown;
  }

  /** How many participants said they belong to each group. */
  private Map<String, Integer> groupSizes(Atelier a) {
    Map<String, Integer> sizes = new HashMap<>();
    for (AtelierRepository.ParticipantRow r : repository.participants(a.id())) {
      if (r.groupKind() != null) {
        sizes.merge(r.groupKind(), 1, Integer::sum);
      }
    }
    return sizes;
  }
}
