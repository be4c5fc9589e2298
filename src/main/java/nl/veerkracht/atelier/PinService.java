package nl.veerkracht.atelier;

import java.util.Map;
import java.util.Optional;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.geo.LonLat;
import nl.veerkracht.stock.SpatialLinker;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pins: placed once per client id, with their buurt and (for staff) the nearest complex; changed or
 * deleted by their author only; hidden, restored, approved or merged by the facilitator.
 */
@Service
public class PinService {

  static final int MAX_PINS_PER_PARTICIPANT = 50;
  static final double NEAR_HOME_METRES = 25;

  private final AtelierRepository repository;
  private final PinRepository pinRepository;
  private final AtelierEvents events;
  private final CorporationRepository corporations;
  private final SpatialLinker linker;
  private final WriteRate rate;
  private final nl.veerkracht.audit.AuditLog audit;

  public PinService(
      AtelierRepository repository,
      PinRepository pinRepository,
      AtelierEvents events,
      CorporationRepository corporations,
      SpatialLinker linker,
      WriteRate rate,
      nl.veerkracht.audit.AuditLog audit) {
    this.repository = repository;
    this.pinRepository = pinRepository;
    this.events = events;
    this.corporations = corporations;
    this.linker = linker;
    this.rate = rate;
    this.audit = audit;
  }

  @Transactional
  public PinRepository.Pin addPin(AtelierAccess.Asked asked, AtelierRequests.NewPin body) {
    Atelier a = asked.atelier();
    Caller caller = asked.caller();
    if (body == null) {
      throw AtelierInputs.invalid("atelier.error.body");
    }
    Long participantId = caller instanceof Caller.Participant p ? p.id() : null;
    String author = caller instanceof Caller.Staff s ? s.username() : null;
    if (participantId != null && a.phase() != Atelier.Phase.PINNING) {
      throw new ConflictException(Text.msg("atelier.refused.notPinning"));
    }
    if (participantId == null && !caller.isModerator()) {
      throw new ForbiddenException(Text.msg("atelier.refused.joinToPin"));
    }
    if (a.phase() == Atelier.Phase.CLOSED) {
      throw new ConflictException(Text.msg("atelier.refused.closed"));
    }
    rate.take(AtelierInputs.writer(caller));
    requireInTheNetherlands(body.lat(), body.lon());
    String category = AtelierInputs.clean(body.category(), 40);
    if (!a.categories().contains(category)) {
      throw AtelierInputs.invalid(
          "atelier.error.category", "categories", String.join(", ", a.categories()));
    }
    String theme = AtelierInputs.clean(body.theme(), 40);
    if (!theme.isEmpty() && !a.themes().contains(theme)) {
      throw AtelierInputs.invalid("atelier.error.theme", "themes", String.join(", ", a.themes()));
    }
    String text = AtelierInputs.cleanText(body.text(), AtelierInputs.MAX_TEXT);
    String clientId = AtelierInputs.clean(body.clientId(), 64);
    if (clientId.isEmpty()) {
      clientId = java.util.UUID.randomUUID().toString();
    }
    if (participantId != null) {
      repository.lockParticipant(participantId);
      if (pinRepository.countPins(participantId) >= MAX_PINS_PER_PARTICIPANT) {
        Optional<PinRepository.Pin> again =
            pinRepository.pinByClient(a.id(), participantId, author, clientId);
        if (again.isPresent()) {
          return again.get();
        }
        throw new ConflictException(
            Text.msg("atelier.refused.pinLimit", "n", MAX_PINS_PER_PARTICIPANT));
      }
    }
    SpatialLinker.Located where = linker.locate(new LonLat(body.lon(), body.lat()), a.areaYear());
    String complexType =
        corporations.findById(a.corporationId()).map(c -> c.complexClusterType()).orElse("OND");
    PinRepository.Nearby near =
        pinRepository.nearby(
            a.corporationId(), complexType, body.lat(), body.lon(), NEAR_HOME_METRES);
    String status = participantId != null && a.requireApproval() ? "PENDING" : "VISIBLE";
    Optional<PinRepository.Pin> stored =
        pinRepository.insertPin(
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
      return pinRepository.pinByClient(a.id(), participantId, author, clientId).orElseThrow();
    }
    events.publish(a.id(), "pin", Map.of("id", stored.get().id()));
    return stored.get();
  }

  /** Who acts, for the audit log: staff by name, a participant by number (never their name). */
  static String actor(Caller caller) {
    return caller instanceof Caller.Participant p
        ? "participant:" + p.id()
        : ((Caller.Staff) caller).username();
  }

  private static void requireInTheNetherlands(Double lat, Double lon) {
    if (lat == null || lon == null || lat < 50.7 || lat > 53.7 || lon < 3.2 || lon > 7.3) {
      throw AtelierInputs.invalid("atelier.error.position");
    }
  }

  @Transactional
  public PinRepository.Pin editPin(
      AtelierAccess.Asked asked, long pinId, AtelierRequests.PinEdit body) {
    PinRepository.Pin pin = ownPin(asked, pinId);
    if (body == null) {
      throw AtelierInputs.invalid("atelier.error.body");
    }
    rate.take(AtelierInputs.writer(asked.caller()));
    Atelier a = asked.atelier();
    String category =
        body.category() == null ? pin.category() : AtelierInputs.clean(body.category(), 40);
    if (!a.categories().contains(category)) {
      throw AtelierInputs.invalid(
          "atelier.error.category", "categories", String.join(", ", a.categories()));
    }
    String theme = body.theme() == null ? pin.theme() : AtelierInputs.clean(body.theme(), 40);
    if (theme != null && !theme.isEmpty() && !a.themes().contains(theme)) {
      throw AtelierInputs.invalid("atelier.error.theme", "themes", String.join(", ", a.themes()));
    }
    String text =
        body.text() == null
            ? pin.body()
            : AtelierInputs.cleanText(body.text(), AtelierInputs.MAX_TEXT);
    pinRepository.updatePin(pinId, category, theme == null || theme.isEmpty() ? null : theme, text);
    events.publish(a.id(), "pin", Map.of("id", pinId));
    return pinRepository.pin(a.id(), pinId).orElseThrow();
  }

  @Transactional
  public void deletePin(AtelierAccess.Asked asked, long pinId) {
    ownPin(asked, pinId);
    rate.take(AtelierInputs.writer(asked.caller()));
    pinRepository.deletePin(pinId);
    events.publish(asked.atelier().id(), "pin", Map.of("id", pinId, "deleted", true));
    audit.record(
        actor(asked.caller()),
        "atelier.pin.delete",
        asked.atelier().corporationId(),
        "atelier " + asked.atelier().id() + " pin " + pinId,
        null);
  }

  /** A pin the caller placed themselves; others' pins are not theirs to change. */
  private PinRepository.Pin ownPin(AtelierAccess.Asked asked, long pinId) {
    if (asked.atelier().phase() == Atelier.Phase.CLOSED) {
      throw new ConflictException(Text.msg("atelier.refused.closed"));
    }
    PinRepository.Pin pin =
        pinRepository
            .pin(asked.atelier().id(), pinId)
            .orElseThrow(() -> new NotFoundException(Text.msg("atelier.refused.noPin")));
    boolean mine =
        asked.caller() instanceof Caller.Participant p
            ? pin.participantId() != null && pin.participantId() == p.id()
            : asked.caller() instanceof Caller.Staff s && s.username().equals(pin.author());
    if (!mine) {
      throw new ForbiddenException(Text.msg("atelier.refused.ownPinsOnly"));
    }
    return pin;
  }

  @Transactional
  public PinRepository.Pin moderate(
      AtelierAccess.Asked asked, long pinId, AtelierRequests.Moderation body) {
    AtelierInputs.requireModerator(asked);
    long atelierId = asked.atelier().id();
    pinRepository
        .pin(atelierId, pinId)
        .orElseThrow(() -> new NotFoundException(Text.msg("atelier.refused.noPin")));
    String action = body == null || body.action() == null ? "" : body.action().trim();
    switch (action) {
      case "hide" -> pinRepository.setPinStatus(pinId, "HIDDEN", null);
      case "restore", "approve" -> pinRepository.setPinStatus(pinId, "VISIBLE", null);
      case "approveText" -> pinRepository.approveBody(pinId);
      case "merge" -> {
        if (body.into() == null || body.into() == pinId) {
          throw AtelierInputs.invalid("atelier.error.merge");
        }
        pinRepository
            .pin(atelierId, body.into())
            .orElseThrow(() -> AtelierInputs.invalid("atelier.error.merge"));
        pinRepository.setPinStatus(pinId, "HIDDEN", body.into());
      }
      default -> throw AtelierInputs.invalid("atelier.error.moderation");
    }
    events.publish(atelierId, "moderation", Map.of("id", pinId));
    audit.record(
        "atelier.pin." + action,
        asked.atelier().corporationId(),
        "atelier " + atelierId + " pin " + pinId,
        "merge".equals(action) ? Map.of("into", body.into()) : null);
    return pinRepository.pin(atelierId, pinId).orElseThrow();
  }
}
