package nl.veerkracht.atelier;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything about an atelier can be changed while it runs: its settings, its problem areas and its
 * measures. Each change reaches every screen at once (an event), is audited with what it was and
 * what it became, and loses nothing a participant entered: a category, theme or group in use stays;
 * the votes on a deleted measure or problem area go back to the voters.
 */
@Service
public class AtelierEdits {

  private final AtelierRepository repository;
  private final RoomRepository roomRepository;
  private final PinRepository pinRepository;
  private final AtelierEvents events;
  private final AuditLog audit;

  public AtelierEdits(
      AtelierRepository repository,
      RoomRepository roomRepository,
      PinRepository pinRepository,
      AtelierEvents events,
      AuditLog audit) {
    this.repository = repository;
    this.roomRepository = roomRepository;
    this.pinRepository = pinRepository;
    this.events = events;
    this.audit = audit;
  }

  /** Changes the settings given (null fields stay); the atelier as it now is. */
  @Transactional
  public Atelier settings(AtelierAccess.Asked asked, AtelierRequests.Settings body) {
    AtelierInputs.requireModerator(asked);
    if (body == null) {
      throw AtelierInputs.invalid("atelier.error.body");
    }
    Atelier a = asked.atelier();
    String name = body.name() == null ? a.name() : AtelierInputs.clean(body.name(), 200);
    if (name.isEmpty()) {
      throw AtelierInputs.invalid("atelier.error.name");
    }
    LocalDate heldOn = body.heldOn() == null ? a.heldOn() : body.heldOn();
    LocalTime startsAt =
        body.startsAt() == null ? a.startsAt() : AtelierInputs.time(body.startsAt());
    String place = body.place() == null ? a.place() : AtelierInputs.optional(body.place(), 200);
    String contact =
        body.contact() == null ? a.contact() : AtelierInputs.optional(body.contact(), 200);
    int votes = votes(a, body.votesPerParticipant());
    List<String> categories =
        body.categories() == null
            ? a.categories()
            : keepInUse(AtelierInputs.distinct(body.categories(), 40, 10), a, "category");
    List<String> themes =
        body.themes() == null
            ? a.themes()
            : keepInUse(AtelierInputs.distinct(body.themes(), 40, 15), a, "theme");
    List<String> groups =
        body.groups() == null
            ? a.groups()
            : keepInUse(AtelierInputs.groups(body.groups()), a, "group");
    if (categories.isEmpty() || themes.isEmpty()) {
      throw AtelierInputs.invalid("atelier.error.categories");
    }
    List<String> cards =
        body.cards() == null
            ? a.cards()
            : List.copyOf(new LinkedHashSet<>(AtelierInputs.cards(body.cards())));
    List<String> layers =
        body.layers() == null
            ? a.layers()
            : List.copyOf(new LinkedHashSet<>(AtelierInputs.layers(body.layers())));
    boolean approval =
        body.requireApproval() == null ? a.requireApproval() : body.requireApproval();
    Atelier changed =
        new Atelier(
            a.id(),
            a.corporationId(),
            name,
            a.kind(),
            a.areaCodes(),
            a.complexCodes(),
            a.areaYear(),
            votes,
            categories,
            themes,
            cards,
            layers,
            approval,
            heldOn,
            a.joinCode(),
            a.phase(),
            a.createdBy(),
            a.revealed(),
            Math.min(a.presentedCard(), Math.max(0, cards.size() - 1)),
            startsAt,
            place,
            contact,
            groups);
    Map<String, Object> changes = changes(a, changed);
    if (!changes.isEmpty()) {
      repository.updateSettings(changed);
      if (changed.presentedCard() != a.presentedCard()) {
        repository.setPresentedCard(a.id(), changed.presentedCard());
      }
      events.publish(a.id(), "settings", Map.of("changed", List.copyOf(changes.keySet())));
      audit.record("atelier.settings", a.corporationId(), "atelier " + a.id(), changes);
    }
    return changed;
  }

  /** The votes per participant asked for (or kept): 1 to 100, and not under what one has spent. */
  private int votes(Atelier a, Integer asked) {
    int votes = asked == null ? a.votesPerParticipant() : asked;
    if (votes < 1 || votes > 100) {
      throw AtelierInputs.invalid("atelier.error.votes");
    }
    int spent = roomRepository.mostVotesSpent(a.id());
    if (votes < spent) {
      throw new ConflictException(Text.msg("atelier.refused.votesSpent", "spent", spent));
    }
    return votes;
  }

  /** What the settings change, old and new value by name (for the room's event and the log). */
  private static Map<String, Object> changes(Atelier a, Atelier b) {
    Map<String, Object> changes = new LinkedHashMap<>();
    change(changes, "name", a.name(), b.name());
    change(changes, "heldOn", a.heldOn(), b.heldOn());
    change(changes, "startsAt", a.startsAt(), b.startsAt());
    change(changes, "place", a.place(), b.place());
    change(changes, "contact", a.contact(), b.contact());
    change(changes, "votesPerParticipant", a.votesPerParticipant(), b.votesPerParticipant());
    change(changes, "requireApproval", a.requireApproval(), b.requireApproval());
    change(changes, "cards", a.cards(), b.cards());
    change(changes, "layers", a.layers(), b.layers());
    change(changes, "categories", a.categories(), b.categories());
    change(changes, "themes", a.themes(), b.themes());
    change(changes, "groups", a.groups(), b.groups());
    return changes;
  }

  /** The new list, refused when it leaves out a value participants already chose or used. */
  private List<String> keepInUse(List<String> chosen, Atelier a, String what) {
    for (String used : repository.inUse(a.id(), what)) {
      if (!chosen.contains(used)) {
        throw new ConflictException(Text.msg("atelier.refused.inUse", "value", used));
      }
    }
    return chosen;
  }

  private static void change(Map<String, Object> changes, String field, Object was, Object is) {
    if (!Objects.equals(was, is)) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("was", was == null ? null : String.valueOf(was));
      c.put("is", is == null ? null : String.valueOf(is));
      changes.put(field, c);
    }
  }

  /** Renames a problem area, changes its buurten, complexes, pins or outline. */
  @Transactional
  public void problemArea(
      AtelierAccess.Asked asked, long areaId, AtelierRequests.ProblemAreaEdit body) {
    AtelierInputs.requireModerator(asked);
    AtelierInputs.requireOpen(asked.atelier());
    if (body == null) {
      throw AtelierInputs.invalid("atelier.error.body");
    }
    long atelierId = asked.atelier().id();
    RoomRepository.ProblemArea pa = ownArea(atelierId, areaId);
    String name = body.name() == null ? pa.name() : AtelierInputs.clean(body.name(), 200);
    if (name.isEmpty()) {
      throw AtelierInputs.invalid("atelier.error.name");
    }
    List<String> buurten =
        body.buurtCodes() == null
            ? pa.buurtCodes()
            : AtelierInputs.distinct(body.buurtCodes(), 20, 200);
    List<String> complexes =
        body.complexCodes() == null
            ? pa.complexCodes()
            : AtelierInputs.distinct(body.complexCodes(), 40, 200);
    List<List<Double>> outline = pa.outline();
    Set<Long> pins = new LinkedHashSet<>(body.pinIds() == null ? pa.pinIds() : body.pinIds());
    Set<Long> held = new java.util.HashSet<>();
    org.locationtech.jts.geom.Polygon drawn =
        body.outline() == null || body.outline().isEmpty()
            ? null
            : Outlines.polygon(body.outline());
    if (body.outline() != null) {
      outline = drawn == null ? null : Outlines.points(drawn);
      if (body.pinIds() == null) {
        pins.clear(); // a new outline holds the pins inside it
      }
    }
    for (PinRepository.Pin p : pinRepository.pins(atelierId)) {
      held.add(p.id());
      if (drawn != null
          && "VISIBLE".equals(p.status())
          && Outlines.covers(drawn, p.lon(), p.lat())) {
        pins.add(p.id());
      }
    }
    for (Long pin : pins) {
      if (pin == null || !held.contains(pin)) {
        throw AtelierInputs.invalid("atelier.error.pin", "id", pin);
      }
    }
    roomRepository.updateProblemArea(areaId, name, buurten, complexes, List.copyOf(pins), outline);
    Map<String, Object> changes = new LinkedHashMap<>();
    change(changes, "name", pa.name(), name);
    change(changes, "buurtCodes", pa.buurtCodes(), buurten);
    change(changes, "complexCodes", pa.complexCodes(), complexes);
    change(changes, "pinIds", pa.pinIds(), List.copyOf(pins));
    change(changes, "outline", pa.outline(), outline);
    told(asked, "area", areaId, "edit", changes);
  }

  /** Deletes a problem area with its measures; the votes on them go back. The votes returned. */
  @Transactional
  public int deleteProblemArea(AtelierAccess.Asked asked, long areaId) {
    AtelierInputs.requireModerator(asked);
    AtelierInputs.requireOpen(asked.atelier());
    long atelierId = asked.atelier().id();
    RoomRepository.ProblemArea pa = ownArea(atelierId, areaId);
    int returned = roomRepository.votesOn("problem_area_id", areaId);
    roomRepository.deleteProblemArea(areaId);
    told(asked, "area", areaId, "delete", Map.of("name", pa.name(), "votesReturned", returned));
    return returned;
  }

  /** Changes a measure's title, lever or description. */
  @Transactional
  public void measure(AtelierAccess.Asked asked, long measureId, AtelierRequests.MeasureEdit body) {
    AtelierInputs.requireModerator(asked);
    AtelierInputs.requireOpen(asked.atelier());
    if (body == null) {
      throw AtelierInputs.invalid("atelier.error.body");
    }
    long atelierId = asked.atelier().id();
    RoomRepository.Measure m = ownMeasure(atelierId, measureId);
    String title = body.title() == null ? m.title() : AtelierInputs.clean(body.title(), 200);
    if (title.isEmpty()) {
      throw AtelierInputs.invalid("atelier.error.title");
    }
    String lever = body.lever() == null ? m.lever() : body.lever().trim().toLowerCase(Locale.ROOT);
    if (!AtelierService.LEVERS.contains(lever)) {
      throw AtelierInputs.invalid(
          "atelier.error.lever", "levers", String.join(", ", AtelierService.LEVERS));
    }
    String description =
        body.description() == null
            ? m.description()
            : AtelierInputs.cleanText(body.description(), 1000);
    roomRepository.updateMeasure(measureId, title, lever, description);
    Map<String, Object> changes = new LinkedHashMap<>();
    change(changes, "title", m.title(), title);
    change(changes, "lever", m.lever(), lever);
    change(changes, "description", m.description(), description);
    told(asked, "measure", measureId, "edit", changes);
  }

  /** Deletes a measure; the votes on it go back to the voters. The votes returned. */
  @Transactional
  public int deleteMeasure(AtelierAccess.Asked asked, long measureId) {
    AtelierInputs.requireModerator(asked);
    AtelierInputs.requireOpen(asked.atelier());
    long atelierId = asked.atelier().id();
    RoomRepository.Measure m = ownMeasure(atelierId, measureId);
    int returned = roomRepository.votesOn("measure_id", measureId);
    roomRepository.deleteMeasure(measureId);
    told(
        asked,
        "measure",
        measureId,
        "delete",
        Map.of("title", m.title(), "votesReturned", returned));
    return returned;
  }

  /**
   * Every screen hears of the change (event {@code kind}) and the audit log keeps it ({@code
   * atelier.KIND.ACTION}, target "atelier ID KIND ID").
   */
  private void told(
      AtelierAccess.Asked asked, String kind, long id, String action, Map<String, ?> detail) {
    long atelierId = asked.atelier().id();
    events.publish(
        atelierId,
        kind,
        "delete".equals(action) ? Map.of("id", id, "deleted", true) : Map.of("id", id));
    audit.record(
        "atelier." + kind + "." + action,
        asked.atelier().corporationId(),
        "atelier " + atelierId + " " + kind + " " + id,
        detail);
  }

  private RoomRepository.ProblemArea ownArea(long atelierId, long areaId) {
    return roomRepository.problemAreas(atelierId).stream()
        .filter(p -> p.id() == areaId)
        .findFirst()
        .orElseThrow(() -> new NotFoundException(Text.msg("atelier.refused.noProblemArea")));
  }

  private RoomRepository.Measure ownMeasure(long atelierId, long measureId) {
    return roomRepository.measures(atelierId).stream()
        .filter(m -> m.id() == measureId)
        .findFirst()
        .orElseThrow(() -> new NotFoundException(Text.msg("atelier.refused.noMeasure")));
  }
}
