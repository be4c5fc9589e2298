package nl.veerkracht.atelier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pins of an atelier: read, place, change and delete one's own, and moderate them (the
 * facilitator). Every endpoint asks {@link AtelierAccess} who is calling before anything else.
 */
@RestController
@RequestMapping("/api/ateliers")
@Tag(name = "Ateliers")
public class PinApiController {

  private final PinService pins;
  private final AtelierAccess access;
  private final AtelierViews views;

  public PinApiController(PinService pins, AtelierAccess access, AtelierViews views) {
    this.pins = pins;
    this.access = access;
    this.views = views;
  }

  @GetMapping("/{id}/pins")
  @Operation(summary = "The pins the caller may see")
  public List<AtelierViews.PinView> pins(
      @PathVariable long id,
      @RequestParam(required = false) String view,
      HttpServletRequest request) {
    AtelierAccess.Asked asked = access.resolve(request, id);
    return views.pins(
        asked.atelier(), asked.caller(), AtelierViews.lens(asked.caller(), "screen".equals(view)));
  }

  @PostMapping("/{id}/pins")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Place a pin",
      description =
          "Send your own clientId: a retry with the same id returns the stored pin instead of a"
              + " second one.")
  public AtelierViews.PinView pin(
      @PathVariable long id,
      @RequestBody(required = false) AtelierRequests.NewPin body,
      HttpServletRequest request) {
    AtelierAccess.Asked asked = access.resolve(request, id);
    return own(asked, pins.addPin(asked, body));
  }

  @PutMapping("/{id}/pins/{pinId}")
  @Operation(summary = "Change your own pin")
  public AtelierViews.PinView editPin(
      @PathVariable long id,
      @PathVariable long pinId,
      @RequestBody(required = false) AtelierRequests.PinEdit body,
      HttpServletRequest request) {
    AtelierAccess.Asked asked = access.resolve(request, id);
    return own(asked, pins.editPin(asked, pinId, body));
  }

  @DeleteMapping("/{id}/pins/{pinId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete your own pin")
  public void deletePin(
      @PathVariable long id, @PathVariable long pinId, HttpServletRequest request) {
    pins.deletePin(access.resolve(request, id), pinId);
  }

  @PostMapping("/{id}/pins/{pinId}/moderation")
  @Operation(
      summary =
          "Hide, restore, approve, merge a pin, or approve its text as it stands (facilitator)",
      description = "action: hide, restore, approve, merge (with into), approveText")
  public PinRepository.Pin moderate(
      @PathVariable long id,
      @PathVariable long pinId,
      @RequestBody(required = false) AtelierRequests.Moderation body,
      HttpServletRequest request) {
    return pins.moderate(access.resolve(request, id), pinId, body);
  }

  private AtelierViews.PinView own(AtelierAccess.Asked asked, PinRepository.Pin p) {
    boolean staff = asked.caller() instanceof Caller.Staff;
    return new AtelierViews.PinView(
        p.id(),
        p.lat(),
        p.lon(),
        p.category(),
        p.theme(),
        p.body(),
        p.buurtCode(),
        p.buurtYear(),
        staff ? p.complexCode() : null,
        p.status(),
        true,
        null,
        p.mergedInto(),
        p.masked());
  }
}
