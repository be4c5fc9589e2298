package nl.veerkracht.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import nl.veerkracht.web.Downloads;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Beheerplannen per complex ({@code complex=CODE}) or area ({@code area=CODE}): the draft or an
 * approved version, its texts, approval by a manager, PDF and XLSX.
 */
@RestController
@Tag(name = "Beheerplannen")
public class PlanApiController {

  private final PlanService plans;

  public PlanApiController(PlanService plans) {
    this.plans = plans;
  }

  @GetMapping("/api/plans")
  @Operation(
      summary = "A beheerplan: the draft, or version N when given; without a scope, the list",
      description =
          "complex=CODE or area=CODE; versions lists the approved ones. Without complex or area:"
              + " every area and complex of the corporation with a plan or measures.")
  public Object show(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Integer version) {
    if ((complex == null || complex.isBlank()) && (area == null || area.isBlank())) {
      return plans.list(corporation);
    }
    PlanService.Shown s = plans.show(new PlanService.ScopeRef(corporation, complex, area), version);
    return Map.of(
        "version", s.version(),
        "status", s.approved() == null ? "draft" : "approved",
        "approved", s.approved() == null ? Map.of() : s.approved(),
        "changedSinceApproval", s.changedSinceApproval(),
        "versions", s.versions(),
        "content", s.content());
  }

  @PutMapping("/api/plans")
  @Operation(summary = "The draft's texts: summary and agreements with partners")
  public Object texts(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area,
      @RequestBody(required = false) PlanRequests.DraftTexts body) {
    PlanService.ScopeRef ref = new PlanService.ScopeRef(corporation, complex, area);
    plans.saveTexts(ref, body);
    return show(corporation, complex, area, null);
  }

  @PostMapping("/api/plans/approve")
  @Operation(
      summary = "Approve the draft as the next version (managers)",
      description = "The version is frozen; 409 when nothing changed since the newest one.")
  public Map<String, Integer> approve(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area) {
    return Map.of("version", plans.approve(new PlanService.ScopeRef(corporation, complex, area)));
  }

  @PostMapping(value = "/api/plans/import", consumes = "multipart/form-data")
  @Operation(
      summary = "Read back an edited XLSX of the beheerplan (sheet Maatregelen)",
      description =
          "Updates name, lever, status, years, owner, partners, package, streefhuur and target"
              + " of the plan's measures by id; all or nothing, 400 naming row and column.")
  public Map<String, Integer> importXlsx(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area,
      @RequestParam(value = "file", required = false)
          org.springframework.web.multipart.MultipartFile file)
      throws java.io.IOException {
    return Map.of(
        "updated",
        plans.importXlsx(
            new PlanService.ScopeRef(corporation, complex, area),
            file == null ? null : file.getBytes()));
  }

  @GetMapping("/api/plans/export.{format}")
  @Operation(summary = "The beheerplan (draft or version N) as pdf or xlsx")
  public ResponseEntity<byte[]> export(
      @PathVariable String format,
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Integer version) {
    PlanService.Shown s = plans.show(new PlanService.ScopeRef(corporation, complex, area), version);
    String name =
        "beheerplan_"
            + s.content().corporationCode()
            + "_"
            + s.content().scopeCode()
            + "_v"
            + s.version();
    return switch (format) {
      case "pdf" -> Downloads.pdf(name, PlanPdf.write(s, LocaleContextHolder.getLocale()));
      case "xlsx" -> Downloads.xlsx(name, PlanXlsx.write(s, LocaleContextHolder.getLocale()));
      default ->
          throw new nl.veerkracht.common.NotFoundException(
              nl.veerkracht.common.Text.msg(
                  "error.plan.noExport", "format", String.valueOf(format)));
    };
  }
}
