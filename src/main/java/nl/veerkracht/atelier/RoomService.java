package nl.veerkracht.atelier;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the room reads and decides: answers on the figure cards, problem areas, measures, and the
 * votes, which never exceed a participant's budget per problem area.
 */
@Service
public class RoomService {

  private final AtelierRepository repository;
  private final RoomRepository roomRepository;
  private final PinRepository pinRepository;
  private final AtelierEvents events;
  private final WriteRate rate;
  private final AuditLog audit;
  private final RecognitionRegister register;

  public RoomService(
      AtelierRepository repository,
      RoomRepository roomRepository,
      PinRepository pinRepository,
      AtelierEvents events,
      WriteRate rate,
      AuditLog audit,
      RecognitionRegister register) {
    this.audit = audit;
    this.register = register;
    this.repository = repository;
    this.roomRepository = roomRepository;
    this.pinRepository = pinRepository;
    this.events = events;
    this.rate = rate;
  }

  public record VoteResult(long problemAreaId, long targetId, int count, int remaining) {}

  @Transactional
  public void answer(AtelierAccess.Asked asked, AtelierRequests.Answer body) {
    if (!(asked.caller() instanceof Caller.Participant p)) {
      throw new ForbiddenException(Text.msg("atelier.refused.joinToAnswer"));
    }
    if (asked.atelier().phase() != Atelier.Phase.READING) {
      throw new ConflictException(Text.msg("atelier.refused.notReading"));
    }
    if (body == null || body.card() == null || !asked.atelier().cards().contains(body.card())) {
      throw AtelierInputs.invalid(
          "atelier.error.card", "card", body == null ? "" : AtelierInputs.clean(body.card(), 40));
    }
    String answer =
        switch (body.answer() == null ? "" : body.answer().trim().toLowerCase(Locale.ROOT)) {
          case "herkenbaar", "recognised" -> "RECOGNISED";
          case "niet_herkenbaar", "not_recognised" -> "NOT_RECOGNISED";
          case "weet_niet", "dont_know" -> "DONT_KNOW";
          default -> throw AtelierInputs.invalid("atelier.error.answer");
        };
    rate.take(AtelierInputs.writer(p));
    roomRepository.upsertAnswer(
        asked.atelier().id(),
        p.id(),
        body.card(),
        answer,
        AtelierInputs.cleanText(body.remark(), AtelierInputs.MAX_TEXT));
    register.answered(asked.atelier(), body.card());
    events.publish(asked.atelier().id(), "answer", Map.of("card", body.card()));
  }

  /**
   * The facilitator approves a remark as it stands: the room, partners and exports see it whole.
   */
  @Transactional
  public void approveRemark(AtelierAccess.Asked asked, AtelierRequests.RemarkApproval body) {
    AtelierInputs.requireModerator(asked);
    if (body == null || body.participantId() == null || body.card() == null) {
      throw AtelierInputs.invalid("atelier.error.body");
    }
    long atelierId = asked.atelier().id();
    if (!roomRepository.approveRemark(atelierId, body.participantId(), body.card())) {
      throw new NotFoundException(Text.msg("atelier.refused.noAnswer"));
    }
    events.publish(atelierId, "answer", Map.of("card", body.card()));
    audit.record(
        "atelier.remark.approve",
        asked.atelier().corporationId(),
        "atelier " + atelierId + " participant " + body.participantId(),
        Map.of("card", body.card()));
  }

  @Transactional
  public long addProblemArea(AtelierAccess.Asked asked, AtelierRequests.NewProblemArea body) {
    AtelierInputs.requireModerator(asked);
    AtelierInputs.requireOpen(asked.atelier());
    if (body == null) {
      throw AtelierInputs.invalid("atelier.error.body");
    }
    String name = AtelierInputs.clean(body.name(), 200);
    if (name.isEmpty()) {
      throw AtelierInputs.invalid("atelier.error.name");
    }
    long atelierId = asked.atelier().id();
    List<String> buurten =
        AtelierInputs.distinct(body.buurtCodes() == null ? List.of() : body.buurtCodes(), 20, 200);
    List<String> complexes =
        AtelierInputs.distinct(
            body.complexCodes() == null ? List.of() : body.complexCodes(), 40, 200);
    Set<Long> pins =
        body.pinIds() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(body.pinIds());
    org.locationtech.jts.geom.Polygon outline = Outlines.polygon(body.outline());
    Set<Long> held = new java.util.HashSet<>();
    for (PinRepository.Pin p : pinRepository.pins(atelierId)) {
      held.add(p.id());
      if (outline != null
          && "VISIBLE".equals(p.status())
          && Outlines.covers(outline, p.lon(), p.lat())) {
        pins.add(p.id()); // a drawn area holds the pins inside it
      }
    }
    for (Long pin : pins) {
      if (pin == null || !held.contains(pin)) {
        throw AtelierInputs.invalid("atelier.error.pin", "id", pin);
      }
    }
    long id =
        roomRepository.insertProblemArea(
            atelierId,
            name,
            buurten,
            complexes,
            List.copyOf(pins),
            outline == null ? null : Outlines.points(outline));
    events.publish(atelierId, "area", Map.of("id", id));
    return id;
  }

  @Transactional
  public long addMeasure(AtelierAccess.Asked asked, AtelierRequests.NewMeasure body) {
    AtelierInputs.requireModerator(asked);
    AtelierInputs.requireOpen(asked.atelier());
    long atelierId = asked.atelier().id();
    if (body == null
        || body.problemAreaId() == null
        || roomRepository.problemAreas(atelierId).stream()
            .noneMatch(p -> p.id() == body.problemAreaId())) {
      throw AtelierInputs.invalid("atelier.error.problemArea");
    }
    String title = AtelierInputs.clean(body.title(), 200);
    if (title.isEmpty()) {
      throw AtelierInputs.invalid("atelier.error.title");
    }
    String lever = body.lever() == null ? "" : body.lever().trim().toLowerCase(Locale.ROOT);
    if (!AtelierService.LEVERS.contains(lever)) {
      throw AtelierInputs.invalid(
          "atelier.error.lever", "levers", String.join(", ", AtelierService.LEVERS));
    }
    long id =
        roomRepository.insertMeasure(
            atelierId,
            body.problemAreaId(),
            title,
            lever,
            AtelierInputs.cleanText(body.description(), 1000));
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
      throw new ForbiddenException(Text.msg("atelier.refused.joinToVote"));
    }
    Atelier a = asked.atelier();
    if (a.phase() != Atelier.Phase.PRIORITISING) {
      throw new ConflictException(Text.msg("atelier.refused.notPrioritising"));
    }
    if (body == null || body.targetId() == null || body.count() == null || body.count() < 0) {
      throw AtelierInputs.invalid("atelier.error.vote");
    }
    RoomRepository.Measure measure =
        roomRepository.measures(a.id()).stream()
            .filter(m -> m.id() == body.targetId())
            .findFirst()
            .orElseThrow(() -> AtelierInputs.invalid("atelier.error.vote"));
    rate.take(AtelierInputs.writer(p));
    repository.lockParticipant(p.id());
    int elsewhere =
        roomRepository.votesElsewhereInArea(p.id(), measure.problemAreaId(), measure.id());
    // in long: a count near Integer.MAX_VALUE must not wrap round to a negative total
    if ((long) elsewhere + body.count() > a.votesPerParticipant()) {
      throw new ConflictException(
          Text.msg(
              "atelier.refused.overBudget",
              "n",
              a.votesPerParticipant(),
              "left",
              a.votesPerParticipant() - elsewhere));
    }
    roomRepository.setVotes(a.id(), p.id(), measure.problemAreaId(), measure.id(), body.count());
    events.publish(a.id(), "vote", Map.of("measure", measure.id()));
    return new VoteResult(
        measure.problemAreaId(),
        measure.id(),
        body.count(),
        a.votesPerParticipant() - elsewhere - body.count());
  }
}
