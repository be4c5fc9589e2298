package nl.veerkracht.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.veerkracht.atelier.Atelier;
import nl.veerkracht.atelier.AtelierExports;
import nl.veerkracht.plan.PlanService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a partner account reads: only what corporations shared with its organisation. */
@RestController
@Tag(name = "Partners")
public class PartnerApiController {

  private final PartnerViews views;
  private final AtelierExports exports;

  public PartnerApiController(PartnerViews views, AtelierExports exports) {
    this.views = views;
    this.exports = exports;
  }

  @GetMapping("/api/partner/shares")
  @Operation(
      summary = "Partner: what was shared with your organisation, with its plans and ateliers")
  public PartnerViews.Overview shares() {
    return views.overview();
  }

  @GetMapping("/api/partner/plans")
  @Operation(
      summary = "Partner: an approved version of a shared beheerplan (the newest, or version N)",
      description = "corporation=CODE and complex=CODE or area=CODE; without amounts.")
  public Map<String, Object> plan(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Integer version) {
    PlanService.Approved a = views.plan(corporation, complex, area, version);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", a.version().version());
    out.put("approvedBy", a.version().approvedBy());
    out.put("approvedAt", a.version().approvedAt());
    out.put("versions", a.versions());
    out.put("content", a.content());
    return out;
  }

  @GetMapping("/api/partner/ateliers/{id}")
  @Operation(
      summary = "Partner: the results of an atelier held in a shared area, as the room sees them")
  public Map<String, Object> atelier(@PathVariable long id) {
    PartnerViews.Shared<Atelier> s = views.atelier(id);
    return exports.results(s.value(), s.caller());
  }
}
