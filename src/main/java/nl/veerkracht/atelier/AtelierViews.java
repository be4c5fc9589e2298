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
  static final int MIN_GROUP = 3;

  private final AtelierRepository repository;
  private final PinRepository pinRepository;
  private final RoomRepository roomRepository;
  private final FigureCards figureCards;
  private final AreaRepository areas;

  public AtelierViews(
      AtelierRepository repository,
      PinRepository pinRepository,
      RoomRepository roomRepository,
      FigureCards figureCards,
      AreaRepository areas) {
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
      Long mergedInto) {}

  /** Pins near a home in a resident atelier, as the room sees them: a count per buurt. */
  public record NearHome(String buurtCode, String buurtName, String category, int count) {}

  /**
   * How the caller looks at the atelier: {@code staff} when a staff member asks for the full view;
   * {@code room} for participants and the projector.
   */
  public enum Lens {
    STAFF,
    ROOM
  }

  public static Lens lens(Caller caller, boolean screen) {
    return caller instanceof Caller.Staff && !screen ? Lens.STAFF : Lens.ROOM;
  }

  public List<PinView> pins(Atelier a, Caller caller, Lens lens) {
    List<PinView> out = new ArrayList<>();
    Map<Long, String> names = lens == Lens.STAFF && caller.isModerator() ? names(a) : Map.of();
    for (PinRepository.Pin p : pinRepository.pins(a.id())) {
      boolean mine = mine(p, caller);
      if (!visible(p, caller, lens, mine)) {
        continue;
      }
      if (lens == Lens.ROOM && a.residents() && p.nearHome() && !mine) {
        continue;
      }
      out.add(
          new PinView(
              p.id(),
              p.lat(),
              p.lon(),
              p.category(),
              p.theme(),
              p.body(),
              p.buurtCode(),
              p.buurtYear(),
              lens == Lens.STAFF ? p.complexCode() : null,
              p.status(),
              mine,
              lens == Lens.STAFF && caller.isModerator() ? author(p, names) : null,
              p.mergedInto()));
    }
    return out;
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

  /** The room's answers on one card: counts per answer, per group (of 3 or more), remarks. */
  public record CardAnswers(
      String card,
      Map<String, Integer> counts,
      Map<String, Map<String, Integer>> byGroup,
      List<String> remarks,
      String mine,
      String myRemark) {}

  public List<CardAnswers> answers(Atelier a, Caller caller) {
    List<RoomRepository.Answer> all = roomRepository.answers(a.id());
    Map<String, Integer> groupSizes = groupSizes(a);
    List<CardAnswers> out = new ArrayList<>();
    for (String card : a.cards()) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String k : List.of("RECOGNISED", "NOT_RECOGNISED", "DONT_KNOW")) {
        counts.put(k, 0);
      }
      Map<String, Map<String, Integer>> byGroup = new TreeMap<>();
      List<String> remarks = new ArrayList<>();
      String mine = null;
      String myRemark = null;
      for (RoomRepository.Answer x : all) {
        if (!x.card().equals(card)) {
          continue;
        }
        counts.merge(x.answer(), 1, Integer::sum);
        if (x.groupKind() != null && groupSizes.getOrDefault(x.groupKind(), 0) >= MIN_GROUP) {
          byGroup
              .computeIfAbsent(x.groupKind(), g -> new LinkedHashMap<>())
              .merge(x.answer(), 1, Integer::sum);
        }
        if (!x.remark().isBlank()) {
          remarks.add(x.remark());
        }
        if (caller instanceof Caller.Participant p && p.id() == x.participantId()) {
          mine = x.answer();
          myRemark = x.remark();
        }
      }
      out.add(new CardAnswers(card, counts, byGroup, remarks, mine, myRemark));
    }
    return out;
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

  public record MeasureView(
      long id,
      String title,
      String lever,
      String description,
      int votes,
      int rank,
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

  /** Problem areas with their measures ranked by votes (ties share a rank, then by age). */
  public List<AreaView> problemAreas(Atelier a, Caller caller, Lens lens) {
    List<RoomRepository.Vote> votes = roomRepository.votes(a.id());
    Map<String, Integer> groupSizes = groupSizes(a);
    Map<Long, Integer> totals = new HashMap<>();
    Map<Long, Integer> mine = new HashMap<>();
    Map<Long, Map<String, Integer>> byGroup = new HashMap<>();
    for (RoomRepository.Vote v : votes) {
      totals.merge(v.measureId(), v.votes(), Integer::sum);
      if (caller instanceof Caller.Participant p && p.id() == v.participantId()) {
        mine.merge(v.measureId(), v.votes(), Integer::sum);
      }
      if (v.groupKind() != null && groupSizes.getOrDefault(v.groupKind(), 0) >= MIN_GROUP) {
        byGroup
            .computeIfAbsent(v.measureId(), k -> new TreeMap<>())
            .merge(v.groupKind(), v.votes(), Integer::sum);
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
      List<MeasureView> views = new ArrayList<>();
      int rank = 0;
      int previous = Integer.MIN_VALUE;
      int spent = 0;
      for (int i = 0; i < own.size(); i++) {
        RoomRepository.Measure m = own.get(i);
        int t = totals.getOrDefault(m.id(), 0);
        if (t != previous) {
          rank = i + 1;
          previous = t;
        }
        spent += mine.getOrDefault(m.id(), 0);
        views.add(
            new MeasureView(
                m.id(),
                m.title(),
                m.lever(),
                m.description(),
                t,
                rank,
                mine.getOrDefault(m.id(), 0),
                byGroup.getOrDefault(m.id(), Map.of())));
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
    atelier.put("requireApproval", a.requireApproval());
    atelier.put("heldOn", a.heldOn());
    atelier.put("joinCode", caller instanceof Caller.Staff ? a.joinCode() : null);
    atelier.put("groups", AtelierService.GROUPS.get(a.kind()));
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
    out.put("answers", answers(a, caller));
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
