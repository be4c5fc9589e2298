package nl.veerkracht.atelier;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.geo.LonLat;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.stock.SpatialLinker;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of an atelier: who may do what in which phase, the limits, and the events every change
 * sends. Callers come from {@link AtelierAccess}; what each may see is decided in {@link
 * AtelierViews}.
 */
@Service
public class AtelierService {

  public static final List<String> DEFAULT_CATEGORIES = List.of("probleem", "kans", "idee");
  public static final List<String> LBM_THEMES = List.of("fys", "onv", "soc", "vrz", "won");
  public static final List<String> LEVERS =
      List.of(
          "onderhoud",
          "huurprijsbeleid",
          "woonruimteverdeling",
          "sociaal_beheer",
          "fysiek",
          "samenwerking",
          "combinatie");
  public static final Map<Atelier.Kind, List<String>> GROUPS =
      Map.of(
          Atelier.Kind.GEBIED,
          List.of("gemeente", "politie", "zorg", "huurdersorganisatie", "corporatie", "anders"),
          Atelier.Kind.BELEID,
          List.of("wijkbeheer", "verhuur", "onderhoud", "sociaal_beheer", "directie", "anders"),
          Atelier.Kind.BEWONERS,
          List.of("bewoner", "anders"));

  static final int MAX_PINS_PER_PARTICIPANT = 50;
  static final int MAX_TEXT = 500;
  static final double NEAR_HOME_METRES = 25;

  /** Letters and digits that cannot be mistaken for each other when read from a screen. */
  private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AtelierRepository repository;
  private final AtelierEvents events;
  private final CurrentUser currentUser;
  private final CorporationRepository corporations;
  private final SpatialLinker linker;
  private final WriteRate rate;

  public AtelierService(
      AtelierRepository repository,
      AtelierEvents events,
      CurrentUser currentUser,
      CorporationRepository corporations,
      SpatialLinker linker,
      WriteRate rate) {
    this.repository = repository;
    this.events = events;
    this.currentUser = currentUser;
    this.corporations = corporations;
    this.linker = linker;
    this.rate = rate;
  }

  public record Created(long id, String joinCode) {}

  public record Joined(long atelierId, String participantToken) {}

  public record VoteResult(long problemAreaId, long targetId, int count, int remaining) {}

  /** Ateliers of the caller's corporations, newest first. */
  public List<Atelier> mine() {
    return repository.listFor(
        currentUser.memberships().stream().map(Membership::corporationId).toList());
  }

  @Transactional
  public Created create(AtelierRequests.NewAtelier body) {
    if (body == null) {
      throw invalid("atelier.error.body");
    }
    Membership m = facilitatorMembership(body.corporation());
    String name = clean(body.name(), 200);
    if (name.isEmpty()) {
      throw invalid("atelier.error.name");
    }
    Atelier.Kind kind =
        Atelier.Kind.find(body.type()).orElseThrow(() -> invalid("atelier.error.type"));
    List<String> codes = new ArrayList<>();
    for (String raw : body.areaCodes() == null ? List.<String>of() : body.areaCodes()) {
      AreaCode c =
          AreaCode.parse(raw)
              .orElseThrow(() -> invalid("atelier.error.area", "code", clean(raw, 20)));
      if (!codes.contains(c.value())) {
        codes.add(c.value());
      }
    }
    if (codes.isEmpty() || codes.size() > 50) {
      throw invalid("atelier.error.areas");
    }
    int year = repository.areaYear(codes).orElseThrow(() -> invalid("atelier.error.areaUnknown"));
    String complexType =
        corporations.findById(m.corporationId()).map(c -> c.complexClusterType()).orElse("OND");
    List<String> complexes =
        distinct(body.complexCodes() == null ? List.of() : body.complexCodes(), 40, 200);
    List<String> known = repository.knownComplexes(m.corporationId(), complexType, complexes);
    for (String c : complexes) {
      if (!known.contains(c)) {
        throw invalid("atelier.error.complex", "code", c);
      }
    }
    int votes = body.votesPerParticipant() == null ? 5 : body.votesPerParticipant();
    if (votes < 1 || votes > 100) {
      throw invalid("atelier.error.votes");
    }
    List<String> categories =
        body.categories() == null || body.categories().isEmpty()
            ? DEFAULT_CATEGORIES
            : distinct(body.categories(), 40, 10);
    List<String> themes =
        body.themes() == null || body.themes().isEmpty()
            ? LBM_THEMES
            : distinct(body.themes(), 40, 15);
    List<String> cards =
        body.cards() == null || body.cards().isEmpty() ? FigureCards.ALL : body.cards();
    for (String c : cards) {
      if (!FigureCards.ALL.contains(c)) {
        throw invalid("atelier.error.card", "card", clean(c, 40));
      }
    }
    if (categories.isEmpty() || themes.isEmpty()) {
      throw invalid("atelier.error.categories");
    }
    String code = newJoinCode();
    long id =
        repository.insert(
            new Atelier(
                0,
                m.corporationId(),
                name,
                kind,
                codes,
                complexes,
                year,
                votes,
                categories,
                themes,
                List.copyOf(new LinkedHashSet<>(cards)),
                Boolean.TRUE.equals(body.requireApproval()),
                body.heldOn(),
                code,
                Atelier.Phase.PREPARING,
                currentUser.findUsername().orElseThrow()));
    return new Created(id, code);
  }

  /** The membership a new atelier belongs to: named, or the only one the caller facilitates. */
  private Membership facilitatorMembership(String corporation) {
    Membership m;
    if (corporation != null && !corporation.isBlank()) {
      m = currentUser.requireStaff(corporation.trim());
    } else {
      List<Membership> able =
          currentUser.memberships().stream().filter(AtelierService::facilitates).toList();
      if (able.size() != 1) {
        throw invalid("atelier.error.corporation");
      }
      m = able.get(0);
    }
    if (!facilitates(m)) {
      throw new ForbiddenException("Only facilitators and analysts prepare ateliers.");
    }
    return m;
  }

  static boolean facilitates(Membership m) {
    return m.role() == Membership.Role.FACILITATOR || m.role() == Membership.Role.ANALYST;
  }

  private String newJoinCode() {
    for (int attempt = 0; attempt < 20; attempt++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
      }
      if (!repository.joinCodeTaken(b.toString())) {
        return b.toString();
      }
    }
    throw new IllegalStateException("No free join code");
  }

  /** A join code as people type it: any case, spaces or dashes. */
  static String normaliseCode(String raw) {
    return raw == null ? "" : raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  @Transactional
  public Joined join(AtelierRequests.Join body) {
    if (body == null) {
      throw invalid("atelier.error.body");
    }
    Atelier a =
        repository
            .findByJoinCode(normaliseCode(body.joinCode()))
            .orElseThrow(() -> new NotFoundException("No atelier has this code."));
    if (a.phase() == Atelier.Phase.CLOSED) {
      throw new ConflictException("This atelier is closed.");
    }
    String name = clean(body.displayName(), 60);
    String group = body.group() == null ? "" : body.group().trim().toLowerCase(Locale.ROOT);
    if (!group.isEmpty() && !GROUPS.get(a.kind()).contains(group)) {
      throw invalid("atelier.error.group", "groups", String.join(", ", GROUPS.get(a.kind())));
    }
    String token = AtelierAccess.newToken();
    long id =
        repository.insertParticipant(
            a.id(),
            AtelierAccess.hash(token),
            name.isEmpty() ? null : name,
            group.isEmpty() ? null : group);
    events.publish(a.id(), "participant", Map.of("id", id));
    return new Joined(a.id(), token);
  }

  @Transactional
  public void setPhase(AtelierAccess.Asked asked, AtelierRequests.PhaseChange body) {
    requireModerator(asked);
    Atelier.Phase phase =
        Atelier.Phase.find(body == null ? null : body.phase())
            .orElseThrow(() -> invalid("atelier.error.phase"));
    repository.setPhase(asked.atelier().id(), phase);
    events.publish(asked.atelier().id(), "phase", Map.of("phase", phase.name()));
  }

  @Transactional
  public AtelierRepository.Pin addPin(AtelierAccess.Asked asked, AtelierRequests.NewPin body) {
    Atelier a = asked.atelier();
    Caller caller = asked.caller();
    if (body == null) {
      throw invalid("atelier.error.body");
    }
    Long participantId = caller instanceof Caller.Participant p ? p.id() : null;
    String author = caller instanceof Caller.Staff s ? s.username() : null;
    if (participantId != null && a.phase() != Atelier.Phase.PINNING) {
      throw new ConflictException("Pins can be placed in the pinning phase only.");
    }
    if (participantId == null && !caller.isModerator()) {
      throw new ForbiddenException("Join the atelier to place pins.");
    }
    if (a.phase() == Atelier.Phase.CLOSED) {
      throw new ConflictException("This atelier is closed.");
    }
    rate.take(writer(caller));
    if (body.lat() == null
        || body.lon() == null
        || body.lat() < 50.7
        || body.lat() > 53.7
        || body.lon() < 3.2
        || body.lon() > 7.3) {
      throw invalid("atelier.error.position");
    }
    String category = clean(body.category(), 40);
    if (!a.categories().contains(category)) {
      throw invalid("atelier.error.category", "categories", String.join(", ", a.categories()));
    }
    String theme = clean(body.theme(), 40);
    if (!theme.isEmpty() && !a.themes().contains(theme)) {
      throw invalid("atelier.error.theme", "themes", String.join(", ", a.themes()));
    }
    String text = cleanText(body.text(), MAX_TEXT);
    String clientId = clean(body.clientId(), 64);
    if (clientId.isEmpty()) {
      clientId = java.util.UUID.randomUUID().toString();
    }
    if (participantId != null) {
      repository.lockParticipant(participantId);
      if (repository.countPins(participantId) >= MAX_PINS_PER_PARTICIPANT) {
        Optional<AtelierRepository.Pin> again =
            repository.pinByClient(a.id(), participantId, author, clientId);
        if (again.isPresent()) {
          return again.get();
        }
        throw new ConflictException(
            "You have placed " + MAX_PINS_PER_PARTICIPANT + " pins, the most one person can.");
      }
    }
    SpatialLinker.Located where = linker.locate(new LonLat(body.lon(), body.lat()), a.areaYear());
    String complexType =
        corporations.findById(a.corporationId()).map(c -> c.complexClusterType()).orElse("OND");
    AtelierRepository.Nearby near =
        repository.nearby(a.corporationId(), complexType, body.lat(), body.lon(), NEAR_HOME_METRES);
    String status = participantId != null && a.requireApproval() ? "PENDING" : "VISIBLE";
    Optional<AtelierRepository.Pin> stored =
        repository.insertPin(
            a.id(),
            participantId,
            author,
            clientId,
            body.lat(),
            body.lon(),
            category,
            theme.isEmpty() ? null : theme,
            text,
            where.buurt(),
            where.buurt() == null ? null : a.areaYear(),
            near.complexCode(),
            near.nearHome(),
            status);
    if (stored.isEmpty()) {
      return repository.pinByClient(a.id(), participantId, author, clientId).orElseThrow();
    }
    events.publish(a.id(), "pin", Map.of("id", stored.get().id()));
    return stored.get();
  }

  @Transactional
  public AtelierRepository.Pin editPin(
      AtelierAccess.Asked asked, long pinId, AtelierRequests.PinEdit body) {
    AtelierRepository.Pin pin = ownPin(asked, pinId);
    if (body == null) {
      throw invalid("atelier.error.body");
    }
    rate.take(writer(asked.caller()));
    Atelier a = asked.atelier();
    String category = body.category() == null ? pin.category() : clean(body.category(), 40);
    if (!a.categories().contains(category)) {
      throw invalid("atelier.error.category", "categories", String.join(", ", a.categories()));
    }
    String theme = body.theme() == null ? pin.theme() : clean(body.theme(), 40);
    if (theme != null && !theme.isEmpty() && !a.themes().contains(theme)) {
      throw invalid("atelier.error.theme", "themes", String.join(", ", a.themes()));
    }
    String text = body.text() == null ? pin.body() : cleanText(body.text(), MAX_TEXT);
    repository.updatePin(pinId, category, theme == null || theme.isEmpty() ? null : theme, text);
    events.publish(a.id(), "pin", Map.of("id", pinId));
    return repository.pin(a.id(), pinId).orElseThrow();
  }

  @Transactional
  public void deletePin(AtelierAccess.Asked asked, long pinId) {
    ownPin(asked, pinId);
    rate.take(writer(asked.caller()));
    repository.deletePin(pinId);
    events.publish(asked.atelier().id(), "pin", Map.of("id", pinId, "deleted", true));
  }

  /** A pin the caller placed themselves; others' pins are not theirs to change. */
  private AtelierRepository.Pin ownPin(AtelierAccess.Asked asked, long pinId) {
    if (asked.atelier().phase() == Atelier.Phase.CLOSED) {
      throw new ConflictException("This atelier is closed.");
    }
    AtelierRepository.Pin pin =
        repository
            .pin(asked.atelier().id(), pinId)
            .orElseThrow(() -> new NotFoundException("No such pin"));
    boolean mine =
        asked.caller() instanceof Caller.Participant p
            ? pin.participantId() != null && pin.participantId() == p.id()
            : asked.caller() instanceof Caller.Staff s && s.username().equals(pin.author());
    if (!mine) {
      throw new ForbiddenException("You can change only your own pins.");
    }
    return pin;
  }

  @Transactional
  public AtelierRepository.Pin moderate(
      AtelierAccess.Asked asked, long pinId, AtelierRequests.Moderation body) {
    requireModerator(asked);
    long atelierId = asked.atelier().id();
    repository.pin(atelierId, pinId).orElseThrow(() -> new NotFoundException("No such pin"));
    String action = body == null || body.action() == null ? "" : body.action().trim();
    switch (action) {
      case "hide" -> repository.setPinStatus(pinId, "HIDDEN", null);
      case "restore", "approve" -> repository.setPinStatus(pinId, "VISIBLE", null);
      case "merge" -> {
        if (body.into() == null || body.into() == pinId) {
          throw invalid("atelier.error.merge");
        }
        repository.pin(atelierId, body.into()).orElseThrow(() -> invalid("atelier.error.merge"));
        repository.setPinStatus(pinId, "HIDDEN", body.into());
      }
      default -> throw invalid("atelier.error.moderation");
    }
    events.publish(atelierId, "moderation", Map.of("id", pinId));
    return repository.pin(atelierId, pinId).orElseThrow();
  }

  @Transactional
  public void answer(AtelierAccess.Asked asked, AtelierRequests.Answer body) {
    if (!(asked.caller() instanceof Caller.Participant p)) {
      throw new ForbiddenException("Join the atelier to answer.");
    }
    if (asked.atelier().phase() != Atelier.Phase.READING) {
      throw new ConflictException("Cards are answered while reading the figures.");
    }
    if (body == null || body.card() == null || !asked.atelier().cards().contains(body.card())) {
      throw invalid("atelier.error.card", "card", body == null ? "" : clean(body.card(), 40));
    }
    String answer =
        switch (body.answer() == null ? "" : body.answer().trim().toLowerCase(Locale.ROOT)) {
          case "herkenbaar", "recognised" -> "RECOGNISED";
          case "niet_herkenbaar", "not_recognised" -> "NOT_RECOGNISED";
          case "weet_niet", "dont_know" -> "DONT_KNOW";
          default -> throw invalid("atelier.error.answer");
        };
    rate.take(writer(p));
    repository.upsertAnswer(
        asked.atelier().id(), p.id(), body.card(), answer, cleanText(body.remark(), MAX_TEXT));
    events.publish(asked.atelier().id(), "answer", Map.of("card", body.card()));
  }

  @Transactional
  public long addProblemArea(AtelierAccess.Asked asked, AtelierRequests.NewProblemArea body) {
    requireModerator(asked);
    requireOpen(asked.atelier());
    if (body == null) {
      throw invalid("atelier.error.body");
    }
    String name = clean(body.name(), 200);
    if (name.isEmpty()) {
      throw invalid("atelier.error.name");
    }
    long atelierId = asked.atelier().id();
    List<String> buurten =
        distinct(body.buurtCodes() == null ? List.of() : body.buurtCodes(), 20, 200);
    List<String> complexes =
        distinct(body.complexCodes() == null ? List.of() : body.complexCodes(), 40, 200);
    List<Long> pins =
        body.pinIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(body.pinIds()));
    Set<Long> held = new java.util.HashSet<>();
    repository.pins(atelierId).forEach(p -> held.add(p.id()));
    for (Long pin : pins) {
      if (!held.contains(pin)) {
        throw invalid("atelier.error.pin", "id", pin);
      }
    }
    long id = repository.insertProblemArea(atelierId, name, buurten, complexes, pins);
    events.publish(atelierId, "area", Map.of("id", id));
    return id;
  }

  @Transactional
  public long addMeasure(AtelierAccess.Asked asked, AtelierRequests.NewMeasure body) {
    requireModerator(asked);
    requireOpen(asked.atelier());
    long atelierId = asked.atelier().id();
    if (body == null
        || body.problemAreaId() == null
        || repository.problemAreas(atelierId).stream()
            .noneMatch(p -> p.id() == body.problemAreaId())) {
      throw invalid("atelier.error.problemArea");
    }
    String title = clean(body.title(), 200);
    if (title.isEmpty()) {
      throw invalid("atelier.error.title");
    }
    String lever = body.lever() == null ? "" : body.lever().trim().toLowerCase(Locale.ROOT);
    if (!LEVERS.contains(lever)) {
      throw invalid("atelier.error.lever", "levers", String.join(", ", LEVERS));
    }
    long id =
        repository.insertMeasure(
            atelierId, body.problemAreaId(), title, lever, cleanText(body.description(), 1000));
    events.publish(atelierId, "measure", Map.of("id", id));
    return id;
  }

  /**
   * Sets the caller's votes on one measure. The participant's row is locked first, so requests sent
   * at the same moment are counted one after another and the budget holds.
   */
  @Transactional
  public VoteResult vote(AtelierAccess.Asked asked, AtelierRequests.Vote body) {
    if (!(asked.caller() instanceof Caller.Participant p)) {
      throw new ForbiddenException("Join the atelier to vote.");
    }
    Atelier a = asked.atelier();
    if (a.phase() != Atelier.Phase.PRIORITISING) {
      throw new ConflictException("Votes are cast in the prioritising phase only.");
    }
    if (body == null || body.targetId() == null || body.count() == null || body.count() < 0) {
      throw invalid("atelier.error.vote");
    }
    AtelierRepository.Measure measure =
        repository.measures(a.id()).stream()
            .filter(m -> m.id() == body.targetId())
            .findFirst()
            .orElseThrow(() -> invalid("atelier.error.vote"));
    rate.take(writer(p));
    repository.lockParticipant(p.id());
    int elsewhere = repository.votesElsewhereInArea(p.id(), measure.problemAreaId(), measure.id());
    if (elsewhere + body.count() > a.votesPerParticipant()) {
      throw new ConflictException(
          "That is more than your "
              + a.votesPerParticipant()
              + " votes for this problem area; you have "
              + (a.votesPerParticipant() - elsewhere)
              + " left for this measure.");
    }
    repository.setVotes(a.id(), p.id(), measure.problemAreaId(), measure.id(), body.count());
    events.publish(a.id(), "vote", Map.of("measure", measure.id()));
    return new VoteResult(
        measure.problemAreaId(),
        measure.id(),
        body.count(),
        a.votesPerParticipant() - elsewhere - body.count());
  }

  /** Removes a participant's display name on request; their pins and votes stay, anonymous. */
  @Transactional
  public void eraseName(AtelierAccess.Asked asked, long participantId) {
    boolean self = asked.caller() instanceof Caller.Participant p && p.id() == participantId;
    if (!self && !asked.caller().isModerator()) {
      throw new ForbiddenException("Only the participant or a facilitator may do this.");
    }
    if (repository.eraseName(asked.atelier().id(), participantId) == 0) {
      throw new NotFoundException("No such participant");
    }
    events.publish(asked.atelier().id(), "participant", Map.of("id", participantId));
  }

  private static void requireModerator(AtelierAccess.Asked asked) {
    if (!asked.caller().isModerator()) {
      throw new ForbiddenException("Only the atelier's facilitators may do this.");
    }
  }

  private static void requireOpen(Atelier a) {
    if (a.phase() == Atelier.Phase.CLOSED) {
      throw new ConflictException("This atelier is closed.");
    }
  }

  private static String writer(Caller c) {
    return c instanceof Caller.Participant p ? "p" + p.id() : "s" + ((Caller.Staff) c).username();
  }

  private static InvalidInputException invalid(String key, Object... args) {
    return new InvalidInputException(Text.msg(key, args));
  }

  /** One line: control characters out, trimmed, at most {@code max} characters. */
  static String clean(String raw, int max) {
    if (raw == null) {
      return "";
    }
    String s = raw.replaceAll("[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069]", " ").strip();
    if (s.length() > max) {
      throw new InvalidInputException(Text.msg("atelier.error.tooLong", "max", max));
    }
    return s;
  }

  /** Free text: line breaks kept, other control characters out, at most {@code max}. */
  static String cleanText(String raw, int max) {
    if (raw == null) {
      return "";
    }
    String s =
        raw.replace("\r\n", "\n")
            .replaceAll("[\\p{Cntrl}&&[^\\n]]|[\\u202A-\\u202E\\u2066-\\u2069]", " ")
            .strip();
    if (s.length() > max) {
      throw new InvalidInputException(Text.msg("atelier.error.tooLong", "max", max));
    }
    return s;
  }

  private static List<String> distinct(List<String> raw, int maxLength, int maxCount) {
    LinkedHashMap<String, Boolean> out = new LinkedHashMap<>();
    for (String r : raw) {
      String s = clean(r, maxLength);
      if (!s.isEmpty()) {
        out.put(s, true);
      }
    }
    if (out.size() > maxCount) {
      throw new InvalidInputException(Text.msg("atelier.error.tooMany", "max", maxCount));
    }
    return List.copyOf(out.keySet());
  }
}
