package nl.veerkracht.atelier;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preparing and running an atelier: create it, let people join by code, move it through its phases.
 * Pins are {@link PinService}'s, what the room reads and decides {@link RoomService}'s; what each
 * caller may see is decided in {@link AtelierViews}.
 */
@Service
public class AtelierService {

  public static final List<String> DEFAULT_CATEGORIES = List.of("probleem", "kans", "idee");
  public static final List<String> LBM_THEMES = List.of("fys", "onv", "soc", "vrz", "won");

  /** The figures an atelier's map can colour its buurten by; the outlines are always shown. */
  public static final List<String> MAP_LAYERS =
      List.of(
          AnalysisEngine.LBM_CLASS,
          AnalysisEngine.SIGNAL,
          AnalysisEngine.ATTENTION,
          "pct_corporation_rent");

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
          List.of(
              "gemeente",
              "politie",
              "zorg",
              "huurdersorganisatie",
              "bewoner",
              "corporatie",
              "anders"),
          Atelier.Kind.BELEID,
          List.of(
              "wijkbeheer",
              "verhuur",
              "onderhoud",
              "sociaal_beheer",
              "directie",
              "bewoner",
              "anders"),
          Atelier.Kind.BEWONERS,
          List.of("bewoner", "anders"));

  /** Letters and digits that cannot be mistaken for each other when read from a screen. */
  private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AtelierRepository repository;
  private final AtelierEvents events;
  private final CurrentUser currentUser;
  private final CorporationRepository corporations;

  public AtelierService(
      AtelierRepository repository,
      AtelierEvents events,
      CurrentUser currentUser,
      CorporationRepository corporations,
      nl.veerkracht.audit.AuditLog audit,
      JoinThrottle throttle,
      AtelierSettings settings) {
    this.throttle = throttle;
    this.settings = settings;
    this.repository = repository;
    this.events = events;
    this.currentUser = currentUser;
    this.corporations = corporations;
    this.audit = audit;
  }

  private final nl.veerkracht.audit.AuditLog audit;
  private final JoinThrottle throttle;
  private final AtelierSettings settings;

  public record Created(long id, String joinCode) {}

  public record Joined(long atelierId, String participantToken) {}

  /** Ateliers of the caller's corporations, newest first. */
  public List<Atelier> mine() {
    return repository.listFor(
        currentUser.memberships().stream().map(Membership::corporationId).toList());
  }

  @Transactional
  public Created create(AtelierRequests.NewAtelier body) {
    if (body == null) {
      throw AtelierInputs.invalid("atelier.error.body");
    }
    Membership m = facilitatorMembership(body.corporation());
    String name = AtelierInputs.clean(body.name(), 200);
    if (name.isEmpty()) {
      throw AtelierInputs.invalid("atelier.error.name");
    }
    Atelier.Kind kind =
        Atelier.Kind.find(body.type())
            .orElseThrow(() -> AtelierInputs.invalid("atelier.error.type"));
    List<String> codes = AtelierInputs.areaCodes(body.areaCodes());
    if (codes.isEmpty() || codes.size() > 50) {
      throw AtelierInputs.invalid("atelier.error.areas");
    }
    int year =
        repository
            .areaYear(codes)
            .orElseThrow(() -> AtelierInputs.invalid("atelier.error.areaUnknown"));
    List<String> complexes = complexes(m, body.complexCodes());
    int votes = body.votesPerParticipant() == null ? 5 : body.votesPerParticipant();
    if (votes < 1 || votes > 100) {
      throw AtelierInputs.invalid("atelier.error.votes");
    }
    List<String> categories =
        body.categories() == null || body.categories().isEmpty()
            ? DEFAULT_CATEGORIES
            : AtelierInputs.distinct(body.categories(), 40, 10);
    List<String> themes =
        body.themes() == null || body.themes().isEmpty()
            ? LBM_THEMES
            : AtelierInputs.distinct(body.themes(), 40, 15);
    List<String> cards = AtelierInputs.cards(body.cards());
    List<String> layers = AtelierInputs.layers(body.layers());
    List<String> groups =
        body.groups() == null || body.groups().isEmpty()
            ? GROUPS.get(kind)
            : AtelierInputs.groups(body.groups());
    if (categories.isEmpty() || themes.isEmpty()) {
      throw AtelierInputs.invalid("atelier.error.categories");
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
                List.copyOf(new LinkedHashSet<>(layers)),
                Boolean.TRUE.equals(body.requireApproval()),
                body.heldOn(),
                code,
                Atelier.Phase.PREPARING,
                currentUser.findUsername().orElseThrow(),
                List.of(),
                0,
                AtelierInputs.time(body.startsAt()),
                AtelierInputs.optional(body.place(), 200),
                AtelierInputs.optional(body.contact(), 200),
                groups));
    return new Created(id, code);
  }

  /** The complexes named, without repeats; one the corporation does not have is refused. */
  private List<String> complexes(Membership m, List<String> asked) {
    String complexType =
        corporations.findById(m.corporationId()).map(c -> c.complexClusterType()).orElse("OND");
    List<String> complexes = AtelierInputs.distinct(asked == null ? List.of() : asked, 40, 200);
    List<String> known = repository.knownComplexes(m.corporationId(), complexType, complexes);
    for (String c : complexes) {
      if (!known.contains(c)) {
        throw AtelierInputs.invalid("atelier.error.complex", "code", c);
      }
    }
    return complexes;
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
        throw AtelierInputs.invalid("atelier.error.corporation");
      }
      m = able.get(0);
    }
    if (!facilitates(m)) {
      throw new ForbiddenException(Text.msg("atelier.refused.prepareRole"));
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

  /**
   * The atelier a join code (as typed, normalised here) opens, for the join form's heading and
   * groups; empty for an empty or unknown code.
   */
  public Optional<Atelier> byJoinCode(String typed) {
    String c = normaliseCode(typed);
    return c.isEmpty() ? Optional.empty() : repository.findByJoinCode(c);
  }

  /** The name of the corporation that holds the atelier, for its invitation. */
  public String corporationName(Atelier a) {
    return corporations.findById(a.corporationId()).map(c -> c.name()).orElse("");
  }

  /**
   * Joins an atelier by its code. Throttled per network address (wrong codes a minute, joins an
   * hour) and per atelier (its most participants); a wrong code is counted even though it is
   * refused, so the refusal does not roll the count back.
   */
  @Transactional(noRollbackFor = NotFoundException.class)
  public Joined join(AtelierRequests.Join body) {
    if (body == null) {
      throw AtelierInputs.invalid("atelier.error.body");
    }
    String address = throttle.check();
    Optional<Atelier> found = repository.findByJoinCode(normaliseCode(body.joinCode()));
    if (found.isEmpty()) {
      throttle.record(address, false);
      throw new NotFoundException(Text.msg("atelier.refused.unknownCode"));
    }
    Atelier a = found.get();
    if (a.phase() == Atelier.Phase.CLOSED) {
      throw new ConflictException(Text.msg("atelier.refused.closed"));
    }
    String name = AtelierInputs.clean(body.displayName(), 60);
    String group = body.group() == null ? "" : body.group().trim().toLowerCase(Locale.ROOT);
    if (!group.isEmpty() && !a.groups().contains(group)) {
      throw AtelierInputs.invalid("atelier.error.group", "groups", String.join(", ", a.groups()));
    }
    repository.lockAtelier(a.id());
    if (repository.countParticipants(a.id()) >= settings.maxParticipants()) {
      throw new ConflictException(
          Text.msg("atelier.refused.full", "n", settings.maxParticipants()));
    }
    throttle.record(address, true);
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
    AtelierInputs.requireModerator(asked);
    Atelier.Phase phase =
        Atelier.Phase.find(body == null ? null : body.phase())
            .orElseThrow(() -> AtelierInputs.invalid("atelier.error.phase"));
    repository.setPhase(asked.atelier().id(), phase);
    events.publish(asked.atelier().id(), "phase", Map.of("phase", phase.name()));
  }

  /**
   * Puts one figure card on the projector (presenter mode): the facilitator moves the room through
   * the cards one at a time; every screen follows at once.
   */
  @Transactional
  public void present(AtelierAccess.Asked asked, AtelierRequests.Present body) {
    AtelierInputs.requireModerator(asked);
    Atelier a = asked.atelier();
    if (body == null || body.card() == null || body.card() < 0 || body.card() >= a.cards().size()) {
      throw AtelierInputs.invalid("atelier.error.present", "n", a.cards().size());
    }
    repository.setPresentedCard(a.id(), body.card());
    events.publish(a.id(), "present", Map.of("card", body.card()));
  }

  /**
   * Shows the room the tally of a blind round (the votes, or one figure card's answers), or hides
   * it again. Facilitators only; audited; every screen hears of it at once.
   */
  @Transactional
  public void setRevealed(AtelierAccess.Asked asked, AtelierRequests.Reveal body) {
    AtelierInputs.requireModerator(asked);
    Atelier a = asked.atelier();
    String round = body == null || body.round() == null ? "" : body.round().strip();
    boolean known =
        round.equals(Atelier.VOTES)
            || a.cards().stream().map(Atelier::cardRound).anyMatch(round::equals);
    if (!known || body.revealed() == null) {
      throw AtelierInputs.invalid("atelier.error.reveal");
    }
    repository.setRevealed(a.id(), round, body.revealed());
    events.publish(a.id(), "reveal", Map.of("round", round, "revealed", body.revealed()));
    audit.record(
        PinService.actor(asked.caller()),
        body.revealed() ? "atelier.round.revealed" : "atelier.round.hidden",
        a.corporationId(),
        "atelier " + a.id() + " " + round,
        null);
  }

  /** Removes a participant's display name on request; their pins and votes stay, anonymous. */
  @Transactional
  public void eraseName(AtelierAccess.Asked asked, long participantId) {
    boolean self = asked.caller() instanceof Caller.Participant p && p.id() == participantId;
    if (!self && !asked.caller().isModerator()) {
      throw new ForbiddenException(Text.msg("atelier.refused.selfOrFacilitator"));
    }
    if (repository.eraseName(asked.atelier().id(), participantId) == 0) {
      throw new NotFoundException(Text.msg("atelier.refused.noParticipant"));
    }
    events.publish(asked.atelier().id(), "participant", Map.of("id", participantId));
    audit.record(
        PinService.actor(asked.caller()),
        "atelier.participant.name-erased",
        asked.atelier().corporationId(),
        "atelier " + asked.atelier().id() + " participant " + participantId,
        null);
  }
}
