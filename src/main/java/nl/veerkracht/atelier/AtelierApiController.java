package nl.veerkracht.atelier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.Text;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The atelier API. Staff use their login; participants the token joining gave ({@code
 * Authorization: Bearer …}) or the page cookie. Every endpoint under {@code /api/ateliers/{id}}
 * asks {@link AtelierAccess} who is calling before anything else.
 */
@RestController
@RequestMapping("/api/ateliers")
@Tag(name = "Ateliers")
public class AtelierApiController {

  private final AtelierService service;
  private final RoomService room;
  private final AtelierAccess access;
  private final AtelierViews views;
  private final AtelierEvents events;
  private final AtelierExports exports;
  private final AtelierXlsx xlsx;
  private final AtelierPdf pdf;
  private final ParticipantData participantData;

  public AtelierApiController(
      AtelierService service,
      RoomService room,
      AtelierAccess access,
      AtelierViews views,
      AtelierEvents events,
      AtelierExports exports,
      AtelierXlsx xlsx,
      AtelierPdf pdf,
      ParticipantData participantData) {
    this.service = service;
    this.room = room;
    this.access = access;
    this.views = views;
    this.events = events;
    this.exports = exports;
    this.xlsx = xlsx;
    this.pdf = pdf;
    this.participantData = participantData;
  }

  @GetMapping
  @Operation(summary = "The ateliers of your corporations, newest first")
  public List<Map<String, Object>> list() {
    return service.mine().stream()
        .map(
            a -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("id", a.id());
              m.put("name", a.name());
              m.put("type", a.kind().name().toLowerCase(java.util.Locale.ROOT));
              m.put("phase", a.phase().name());
              m.put("areaCodes", a.areaCodes());
              m.put("heldOn", a.heldOn());
              m.put("joinCode", a.joinCode());
              return m;
            })
        .toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Prepare an atelier (facilitator or analyst)",
      description =
          "type is gebied, beleid or bewoners; areaCodes are buurt, wijk or gemeente codes."
              + " Optional: corporation, complexCodes, votesPerParticipant (default 5),"
              + " categories (default probleem, kans, idee), themes (default the five"
              + " Leefbaarometer dimensions), cards, requireApproval, heldOn.")
  public AtelierService.Created create(
      @RequestBody(required = false) AtelierRequests.NewAtelier body) {
    return service.create(body);
  }

  @PostMapping("/join")
  @Operation(
      summary = "Join by code without an account",
      description =
          "Returns a token for this atelier only; send it as Authorization: Bearer TOKEN."
              + " group is who you are here (an organisation, a discipline or bewoner).")
  public AtelierService.Joined join(@RequestBody(required = false) AtelierRequests.Join body) {
    return service.join(body);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Everything a screen shows, as the caller may see it",
      description = "view=screen gives staff the projector's view (what the room may see).")
  public Map<String, Object> state(
      @PathVariable long id,
      @RequestParam(required = false) String view,
      HttpServletRequest request) {
    AtelierAccess.Asked asked = access.resolve(request, id);
    return views.state(asked.atelier(), asked.caller(), "screen".equals(view));
  }

  @PostMapping("/{id}/phase")
  @Operation(summary = "Move the atelier to a phase (facilitator)")
  public Map<String, Object> phase(
      @PathVariable long id,
      @RequestBody(required = false) AtelierRequests.PhaseChange body,
      HttpServletRequest request) {
    service.setPhase(access.resolve(request, id), body);
    return Map.of("phase", body.phase().trim().toUpperCase(java.util.Locale.ROOT));
  }

  @PostMapping("/{id}/present")
  @Operation(summary = "Put one figure card on the projector (facilitator; 0 is the first)")
  public Map<String, Object> present(
      @PathVariable long id,
      @RequestBody(required = false) AtelierRequests.Present body,
      HttpServletRequest request) {
    service.present(access.resolve(request, id), body);
    return Map.of("card", body.card());
  }

  @PostMapping("/{id}/reveal")
  @Operation(
      summary =
          "Show the room the tally of a blind round (votes, or card:<card>), or hide it"
              + " (facilitator)")
  public Map<String, Object> reveal(
      @PathVariable long id,
      @RequestBody(required = false) AtelierRequests.Reveal body,
      HttpServletRequest request) {
    service.setRevealed(access.resolve(request, id), body);
    return Map.of("round", body.round().strip(), "revealed", body.revealed());
  }

  @PostMapping("/{id}/answers")
  @Operation(summary = "Answer a figure card: herkenbaar, niet_herkenbaar or weet_niet")
  public Map<String, Object> answer(
      @PathVariable long id,
      @RequestBody(required = false) AtelierRequests.Answer body,
      HttpServletRequest request) {
    room.answer(access.resolve(request, id), body);
    return Map.of("ok", true);
  }

  @PostMapping("/{id}/answers/approval")
  @Operation(
      summary = "Approve a remark as it stands (facilitator)",
      description =
          "A remark that names a household (address, postcode, phone, e-mail, a named neighbour)"
              + " is masked for the room, partners and exports until the facilitator approves it.")
  public Map<String, Object> approveRemark(
      @PathVariable long id,
      @RequestBody(required = false) AtelierRequests.RemarkApproval body,
      HttpServletRequest request) {
    room.approveRemark(access.resolve(request, id), body);
    return Map.of("approved", true);
  }

  @PostMapping("/{id}/problem-areas")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Group pins into a problem area (facilitator)")
  public Map<String, Object> problemArea(
      @PathVariable long id,
      @RequestBody(required = false) AtelierRequests.NewProblemArea body,
      HttpServletRequest request) {
    return Map.of("id", room.addProblemArea(access.resolve(request, id), body));
  }

  @PostMapping("/{id}/measures")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a candidate measure to a problem area (facilitator)")
  public Map<String, Object> measure(
      @PathVariable long id,
      @RequestBody(required = false) AtelierRequests.NewMeasure body,
      HttpServletRequest request) {
    return Map.of("id", room.addMeasure(access.resolve(request, id), body));
  }

  @PostMapping("/{id}/votes")
  @Operation(
      summary = "Put votes on a measure",
      description =
          "count is the number of your votes on this measure (0 takes them back); returns what"
              + " you have left in its problem area. 409 when over the budget.")
  public RoomService.VoteResult vote(
      @PathVariable long id,
      @RequestBody(required = false) AtelierRequests.Vote body,
      HttpServletRequest request) {
    return room.vote(access.resolve(request, id), body);
  }

  @DeleteMapping("/{id}/participants/{participantId}/name")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a participant's display name; their pins stay, anonymous")
  public void eraseName(
      @PathVariable long id, @PathVariable long participantId, HttpServletRequest request) {
    service.eraseName(access.resolve(request, id), participantId);
  }

  @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Server-Sent Events: pin, answer, vote, moderation, area, measure, phase",
      description =
          "Each event names what changed; read the state again. A reconnecting client sends"
              + " Last-Event-ID (or after=ID) and gets what it missed.")
  public SseEmitter events(
      @PathVariable long id,
      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(required = false) Long after,
      HttpServletRequest request) {
    AtelierAccess.Asked asked = access.resolve(request, id);
    long from;
    if (lastEventId != null && !lastEventId.isBlank()) {
      try {
        from = Long.parseLong(lastEventId.trim());
      } catch (NumberFormatException e) {
        throw new BadRequestException(Text.msg("atelier.refused.badEventId"));
      }
    } else if (after != null) {
      from = after;
    } else {
      from = events.lastEventId(asked.atelier().id());
    }
    return events.subscribe(asked.atelier().id(), Math.max(0, from));
  }

  @GetMapping("/{id}/me")
  @Operation(summary = "Everything this atelier holds about you (participant token), as JSON")
  public ResponseEntity<Map<String, Object>> me(@PathVariable long id, HttpServletRequest request) {
    Map<String, Object> data = participantData.export(access.resolve(request, id));
    return ResponseEntity.ok()
        .header(
            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"atelier_" + id + "_mijn_gegevens.json\"")
        .body(data);
  }

  @GetMapping("/{id}/results")
  @Operation(summary = "Problem areas with measures ranked by votes, answers and pin counts")
  public Map<String, Object> results(@PathVariable long id, HttpServletRequest request) {
    AtelierAccess.Asked asked = access.resolve(request, id);
    return exports.results(asked.atelier(), asked.caller());
  }

  @GetMapping("/{id}/map.geojson")
  @Operation(summary = "The outlines of the atelier's buurten")
  public ResponseEntity<String> outlines(@PathVariable long id, HttpServletRequest request) {
    AtelierAccess.Asked asked = access.resolve(request, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/geo+json"))
        .body(
            exports.outlinesGeoJson(
                asked.atelier(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
  }

  @GetMapping("/{id}/export.{format}")
  @Operation(summary = "The record of the atelier: xlsx, pdf or geojson (staff)")
  public ResponseEntity<byte[]> export(
      @PathVariable long id,
      @PathVariable String format,
      @RequestParam(required = false) String lang,
      HttpServletRequest request) {
    AtelierAccess.Asked asked = access.requireStaff(request, id, "atelier.refused.recordStaffOnly");
    java.util.Locale locale =
        "en".equals(lang)
            ? java.util.Locale.ENGLISH
            : org.springframework.context.i18n.LocaleContextHolder.getLocale();
    String base = AtelierExports.fileName(asked.atelier());
    return switch (format) {
      case "xlsx" ->
          file(
              xlsx.xlsx(asked.atelier(), asked.caller(), locale),
              base + ".xlsx",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      case "pdf" ->
          file(pdf.pdf(asked.atelier(), asked.caller(), locale), base + ".pdf", "application/pdf");
      case "geojson" ->
          file(
              exports.pinsGeoJson(asked.atelier(), asked.caller()),
              base + "_pins.geojson",
              "application/geo+json");
      default -> throw new BadRequestException(Text.msg("atelier.refused.exportFormat"));
    };
  }

  @GetMapping(value = "/{id}/qr.svg", produces = "image/svg+xml")
  @Operation(summary = "A QR code of the join link (staff)")
  public ResponseEntity<String> qr(@PathVariable long id, HttpServletRequest request) {
    AtelierAccess.Asked asked = access.requireStaff(request, id, "atelier.refused.joinCodeStaff");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("image/svg+xml"))
        .body(QrCodes.svg(JoinLinks.link(request, asked.atelier().joinCode())));
  }

  private static ResponseEntity<byte[]> file(byte[] body, String name, String type) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .contentType(MediaType.parseMediaType(type))
        .body(body);
  }
}
