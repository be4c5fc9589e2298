package nl.veerkracht.atelier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.veerkracht.area.AreaRepository;
import org.springframework.stereotype.Service;

/**
 * What each caller may see of an atelier. Participants and the projector see no one's identity, no
 * hidden or unapproved pins (but their own), and no complex codes; in a resident atelier pins
 * within 25 m of a home are only counted per buurt. Facilitators see everything, marked.
 */
@Service
public class AtelierViews {

  /** Per-group readings only for groups of at least this many people. */
  /** The smallest group whose answers and votes are shown on their own. */
  static final int MIN_GROUP = 5;

  /** Where the groups under {@link #MIN_GROUP} people are counted together. */
  static final String OTHER_GROUP = "overige";

  private final AtelierRepository repository;
  private final PinRepository pinRepository;
  private final RoomRepository roomRepository;
  private final FigureCards figureCards;
  private final AreaRepository areas;
  private final CardAnswerViews cardAnswers;

  public AtelierViews(
      AtelierRepository repository,
      PinRepository pinRepository,
      RoomRepository roomRepository,
      FigureCards figureCards,
      AreaRepository areas,
      CardAnswerViews cardAnswers) {
    this.cardAnswers = cardAnswers;
    this.repository = repository;
    this.pinRepository = pinRepository;
    this.roomRepository = roomRepository;
    this.figureCards = figureCards;
    this.areas = areas;
  }

  /**
   * @param status {@code VISIBLE}, {@code PENDING} or {@code HIDDEN}; others see only visible ones
   * @param author the display name of who placed it, for facilitators only
   * @param complexCode the nearest complex, for staff only
   * @param masked the room sees this text with what identifies a household masked ({@link
   *     PrivacyGuard}); for the facilitator: shown whole here, masked for the room until approved
   */
  public record PinView(
      long id,
      double lat,
      double lon,
      String category,
      String theme,
      String text,
      String buurtCode,
      Integer buurtYear,
      String complexCode,
      String status,
      boolean mine,
      String author,
      Long mergedInto,
      boolean masked) {}

  /** Pins near a home in a resident atelier, as the room sees them: a count per buurt. */
  public record NearHome(String buurtCode, String buurtName, String category, int count) {}

  /**
   * How the caller looks at the atelier: {@code staff} when a staff member asks for the full view;
   * {@code room} for participants and the projector.
   */
  public enum Lens {
    STAFF,
    ROOM,
    /** Exports and the partner's record: every tally, but free text as the room sees it. */
    RECORD
  }

  public static Lens lens(Caller caller, boolean screen) {
    return caller instanceof Caller.Staff && !screen ? Lens.STAFF : Lens.ROOM;
  }

  public List<PinView> pins(Atelier a, Caller caller, Lens lens) {
    List<PinView> out = new ArrayList<>();
    Map<Long, String> names = lens == Lens.STAFF && caller.isModerator() ? names(a) : Map.of();
    for (PinRepository.Pin p : pinRepository.pins(a.id())) {
      PinView v = seen(p, caller, lens, a.residents(), names);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * One pin through the caller's lens, or null when the caller may not see it: the facilitator
   * (staff lens) sees every pin whole, with its author and nearest complex; everyone else sees the
   * room's visible pins, their own waiting ones too, others' texts as the privacy guard shows them,
   * and in a resident atelier no one else's pin at a home (those are counted, see {@link
   * #nearHome}).
   *
   * @param names the participants' display names, for the facilitator's lens
   */
  static PinView seen(
      PinRepository.Pin p, Caller caller, Lens lens, boolean residents, Map<Long, String> names) {
    boolean mine = mine(p, caller);
    if (!visible(p, caller, lens, mine)) {
      return null;
    }
    if (lens == Lens.ROOM && residents && p.nearHome() && !mine) {
      return null;
    }
    return new PinView(
        p.id(),
        p.lat(),
        p.lon(),
        p.category(),
        p.theme(),
        lens == Lens.STAFF || mine ? p.body() : p.shownBody(),
        p.buurtCode(),
        p.buurtYear(),
        lens == Lens.STAFF ? p.complexCode() : null,
        p.status(),
        mine,
        lens == Lens.STAFF && caller.isModerator() ? author(p, names) : null,
        p.mergedInto(),
        p.masked() && (lens == Lens.STAFF || !mine));
  }

  /** Near-home pins of a resident atelier, counted per buurt and category, for the room. */
  public List<NearHome> nearHome(Atelier a, Caller caller, Lens lens) {
    if (lens != Lens.ROOM || !a.residents()) {
      return List.of();
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (PinRepository.Pin p : pinRepository.pins(a.id())) {
      if (p.nearHome() && "VISIBLE".equals(p.status()) && !mine(p, caller)) {
        counts.merge(
            (p.buurtCode() == null ? "" : p.buurtCode()) + "|" + p.category(), 1, Integer::sum);
      }
    }
    Map<String, String> buurtNames =
        areas.names(counts.keySet().stream().map(k -> k.split("\\|", 2)[0]).toList());
    List<NearHome> out = new ArrayList<>();
    counts.forEach(
        (k, n) -> {
          String[] parts = k.split("\\|", 2);
          out.add(
              new NearHome(
                  parts[0].isEmpty() ? null : parts[0], buurtNames.get(parts[0]), parts[1], n));
        });
    return out;
  }

  private static boolean visible(PinRepository.Pin p, Caller caller, Lens lens, boolean mine) {
    if (lens == Lens.STAFF && caller.isModerator()) {
      return true;
    }
    if ("VISIBLE".equals(p.status())) {
      return true;
    }
    return mine && "PENDING".equals(p.status());
  }

  private static boolean mine(PinRepository.Pin p, Caller caller) {
    if (caller instanceof Caller.Participant me) {
      return p.participantId() != null && p.participantId() == me.id();
    }
    return caller instanceof Caller.Staff s && s.username().equals(p.author());
  }

  private Map<Long, String> names(Atelier a) {
    Map<Long, String> names = new HashMap<>();
    for (AtelierRepository.ParticipantRow r : repository.participants(a.id())) {
      names.put(r.id(), r.displayName() == null ? "#" + r.id() : r.displayName());
    }
    return names;
  }

  private static String author(PinRepository.Pin p, Map<Long, String> names) {
    if (p.author() != null) {
      return p.author();
    }
    return p.participantId() == null ? "" : names.getOrDefault(p.participantId(), "");
  }

  /**
   * The room's answers on one card: counts per answer, per group (groups under {@link #MIN_GROUP}
   * people merged into {@link #OTHER_GROUP}), remarks. In a blind round the room gets none of these
   * until the facilitator reveals the card ({@code revealed} false, counts null); the caller's own
   * answer always.
   */
  public record CardAnswers(
      String card,
      boolean revealed,
      Map<String, Integer> counts,
      Map<String, Map<String, Integer>> byGroup,
      List<String> remarks,
      String mine,
      String myRemark,
      List<RemarkReview> review) {}

  /**
   * A remark as the facilitator reviews it: whole, whether the room sees it masked, and whether it
   * was approved as it stands.
   */
  public record RemarkReview(long participantId, String text, boolean masked, boolean approved) {}

  /**
   * The answers as the record shows them (exports): every tally, revealed or not, and remarks as
   * the room sees them (masked where they identify a household, until approved).
   */
  public List<CardAnswers> answers(Atelier a, Caller caller) {
    return answers(a, caller, Lens.RECORD);
  }

  public List<CardAnswers> answers(Atelier a, Caller caller, Lens lens) {
    return cardAnswers.answers(a, caller, lens);
  }

  /**
   * A measure on the ballot. {@code votes} and {@code rank} are null while the votes are a blind
   * round the facilitator has not revealed (for phones and the projector).
   */
  public record MeasureView(
      long id,
      String title,
      String lever,
      String description,
      Integer votes,
      Integer rank,
      int mine,
      Map<String, Integer> byGroup) {}

  public record AreaView(
      long id,
      String name,
      List<String> buurtCodes,
      List<String> complexCodes,
      List<Long> pinIds,
      List<List<Double>> outline,
      List<MeasureView> measures,
      Integer remaining) {}

  /**
   * Problem areas with their measures. Ranked by votes (ties share a rank, then by age) for staff
   * and the projector; on a participant's phone always in the order they were made, so the ballot
   * holds still while the room votes. Until the facilitator reveals the votes, the room sees no
   * totals and no ranks, only the caller's own votes.
   */
  public List<AreaView> problemAreas(Atelier a, Caller caller, Lens lens) {
    List<RoomRepository.Vote> votes = roomRepository.votes(a.id());
    Map<String, String> groupOf = cardAnswers.shownGroups(a);
    boolean tallyShown = lens != Lens.ROOM || a.isRevealed(Atelier.VOTES);
    boolean ballot = caller instanceof Caller.Participant;
    Map<Long, Integer> totals = new HashMap<>();
    Map<Long, Integer> mine = new HashMap<>();
    Map<Long, Map<String, Integer>> byGroup = new HashMap<>();
    for (RoomRepository.Vote v : votes) {
      totals.merge(v.measureId(), v.votes(), Integer::sum);
      if (caller instanceof Caller.Participant p && p.id() == v.participantId()) {
        mine.merge(v.measureId(), v.votes(), Integer::sum);
      }
      String shown = v.groupKind() == null ? null : groupOf.get(v.groupKind());
      if (shown != null) {
        byGroup
            .computeIfAbsent(v.measureId(), k -> new TreeMap<>())
            .merge(shown, v.votes(), Integer::sum);
      }
    }
    List<RoomRepository.Measure> measures = roomRepository.measures(a.id());
    List<AreaView> out = new ArrayList<>();
    for (RoomRepository.ProblemArea pa : roomRepository.problemAreas(a.id())) {
      List<RoomRepository.Measure> own =
          new ArrayList<>(measures.stream().filter(m -> m.problemAreaId() == pa.id()).toList());
      own.sort(
          Comparator.comparingInt((RoomRepository.Measure m) -> -totals.getOrDefault(m.id(), 0))
              .thenComparingLong(RoomRepository.Measure::id));
      Map<Long, Integer> ranks = new HashMap<>();
      int rank = 0;
      int previous = Integer.MIN_VALUE;
      for (int i = 0; i < own.size(); i++) {
        int t = totals.getOrDefault(own.get(i).id(), 0);
        if (t != previous) {
          rank = i + 1;
          previous = t;
        }
        ranks.put(own.get(i).id(), rank);
      }
      if (ballot) {
        own.sort(Comparator.comparingLong(RoomRepository.Measure::id));
      }
      List<MeasureView> views = new ArrayList<>();
      int spent = 0;
      for (RoomRepository.Measure m : own) {
        spent += mine.getOrDefault(m.id(), 0);
        views.add(
            new MeasureView(
                m.id(),
                m.title(),
                m.lever(),
                m.description(),
                tallyShown ? totals.getOrDefault(m.id(), 0) : null,
                tallyShown ? ranks.get(m.id()) : null,
                mine.getOrDefault(m.id(), 0),
                tallyShown ? byGroup.getOrDefault(m.id(), Map.of()) : Map.of()));
      }
      out.add(
          new AreaView(
              pa.id(),
              pa.name(),
              pa.buurtCodes(),
              lens == Lens.STAFF ? pa.complexCodes() : List.of(),
              pa.pinIds(),
              pa.outline(),
              views,
              caller instanceof Caller.Participant ? a.votesPerParticipant() - spent : null));
    }
    return out;
  }

  /** Pins per category and per theme (visible ones; the room's own figures). */
  public Map<String, Map<String, Integer>> counts(Atelier a) {
    Map<String, Integer> byCategory = new LinkedHashMap<>();
    Map<String, Integer> byTheme = new LinkedHashMap<>();
    a.categories().forEach(c -> byCategory.put(c, 0));
    a.themes().forEach(t -> byTheme.put(t, 0));
    for (PinRepository.Pin p : pinRepository.pins(a.id())) {
      if (!"VISIBLE".equals(p.status())) {
        continue;
      }
      byCategory.merge(p.category(), 1, Integer::sum);
      if (p.theme() != null) {
        byTheme.merge(p.theme(), 1, Integer::sum);
      }
    }
    return Map.of("byCategory", byCategory, "byTheme", byTheme);
  }

  /** Everything a screen draws, in one answer; screens read it again after each event. */
  public Map<String, Object> state(Atelier a, Caller caller, boolean screen) {
    Lens lens = lens(caller, screen);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("lastEventId", repository.lastEventId(a.id()));
    Map<String, Object> atelier = new LinkedHashMap<>();
    atelier.put("id", a.id());
    atelier.put("name", a.name());
    atelier.put("kind", a.kind().name());
    atelier.put("phase", a.phase().name());
    atelier.put("areaCodes", a.areaCodes());
    atelier.put("areaYear", a.areaYear());
    atelier.put("categories", a.categories());
    atelier.put("themes", a.themes());
    atelier.put("votesPerParticipant", a.votesPerParticipant());
    atelier.put("revealed", a.revealed());
    atelier.put("presentedCard", a.presentedCard());
    atelier.put("requireApproval", a.requireApproval());
    atelier.put("heldOn", a.heldOn());
    atelier.put("joinCode", caller instanceof Caller.Staff ? a.joinCode() : null);
    atelier.put("groups", a.groups());
    atelier.put("startsAt", a.startsAt() == null ? null : a.startsAt().toString());
    atelier.put("place", a.place());
    atelier.put("contact", a.contact());
    atelier.put("cards", a.cards());
    atelier.put("layers", a.layers());
    if (lens == Lens.STAFF) {
      atelier.put("complexCodes", a.complexCodes());
    }
    out.put("atelier", atelier);
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("role", caller instanceof Caller.Participant ? "participant" : "staff");
    me.put("moderator", lens == Lens.STAFF && caller.isModerator());
    if (caller instanceof Caller.Participant p) {
      me.put("participantId", p.id());
      me.put("displayName", p.displayName());
      me.put("pinsLeft", PinService.MAX_PINS_PER_PARTICIPANT - pinRepository.countPins(p.id()));
    }
    out.put("me", me);
    out.put("cards", figureCards.cards(a));
    out.put("answers", answers(a, caller, lens));
    out.put("pins", pins(a, caller, lens));
    out.put("nearHome", nearHome(a, caller, lens));
    out.put("problemAreas", problemAreas(a, caller, lens));
    out.put("counts", counts(a));
    List<AtelierRepository.ParticipantRow> people = repository.participants(a.id());
    out.put("participantCount", people.size());
    if (lens == Lens.STAFF && caller.isModerator()) {
      out.put("participants", people);
    }
    return out;
  }
}
