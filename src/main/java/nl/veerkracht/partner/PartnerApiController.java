package nl.veerkracht.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.veerkracht.area.AreaNames;
import nl.veerkracht.atelier.Atelier;
import nl.veerkracht.atelier.AtelierExports;
import nl.veerkracht.atelier.RecognitionApiController;
import nl.veerkracht.atelier.RecognitionRegister;
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
  private final RecognitionRegister register;
  private final AreaNames areas;

  public PartnerApiController(
      PartnerViews views, AtelierExports exports, RecognitionRegister register, AreaNames areas) {
    this.views = views;
    this.exports = exports;
    this.register = register;
    this.areas = areas;
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

  @GetMapping("/api/partner/recognition")
  @Operation(
      summary = "Partner: what rooms recognised of an area's figures, in ateliers shared with you",
      description = "The counts per atelier, figure and group; never the remarks.")
  public Map<String, Object> recognition(@RequestParam(required = false) String area) {
    String code = RecognitionApiController.areaCode(area);
    PartnerViews.Overview o = views.overview();
    Set<Long> corporations = new LinkedHashSet<>();
    Set<Long> ateliers = new LinkedHashSet<>();
    for (PartnerViews.Covered c : o.shares()) {
      corporations.add(c.share().corporationId());
      c.ateliers().forEach(a -> ateliers.add(a.id()));
    }
    return RecognitionApiController.answer(
        code, areas, register.judged(corporations, ateliers, code, false));
  }

  @GetMapping("/api/partner/ateliers/{id}")
  @Operation(
      summary = "Partner: the results of an atelier held in a shared area, as the room sees them")
  public Map<String, Object> atelier(@PathVariable long id) {
    PartnerViews.Shared<Atelier> s = views.atelier(id);
    return exports.results(s.value(), s.caller());
  }
}
