package nl.veerkracht.agreement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.monitor.TargetMonitor;
import nl.veerkracht.web.Downloads;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Prestatieafspraken: made by the corporation's staff, read by them and by the parties. */
@RestController
@Tag(name = "Prestatieafspraken")
public class AgreementApiController {

  private final AgreementService service;

  public AgreementApiController(AgreementService service) {
    this.service = service;
  }

  @GetMapping("/api/agreements")
  @Operation(
      summary =
          "The corporation's agreements with their status; for a partner, those it is party to",
      description =
          "Status from the targets of the linked measures: op koers (every measurable target on"
              + " track), niet op koers (more than half off track), aandacht (otherwise), nog niet"
              + " te meten (no target measurable yet).")
  public List<Map<String, Object>> list(@RequestParam(required = false) String corporation) {
    Locale locale = LocaleContextHolder.getLocale();
    return service.list(corporation).stream().map(a -> json(a, locale)).toList();
  }

  @PostMapping("/api/agreements")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Make an agreement (analyst, facilitator or manager)",
      description =
          "Body: {corporation, title, text, gemeente: GMxxxx, startYear, endYear, parties:"
              + " [organisation codes], areas: [buurt, wijk or gemeente codes], complexes: [complex"
              + " codes], measures: [measure ids]}.")
  public Map<String, Object> create(@RequestBody(required = false) AgreementService.Request body) {
    return json(service.create(body), LocaleContextHolder.getLocale());
  }

  @GetMapping("/api/agreements/{id}")
  @Operation(summary = "One agreement with its status and the targets it rests on")
  public Map<String, Object> get(@PathVariable long id) {
    return json(service.get(id), LocaleContextHolder.getLocale());
  }

  @PutMapping("/api/agreements/{id}")
  @Operation(summary = "Change an agreement (the whole of it, as for POST)")
  public Map<String, Object> update(
      @PathVariable long id, @RequestBody(required = false) AgreementService.Request body) {
    return json(service.update(id, body), LocaleContextHolder.getLocale());
  }

  @DeleteMapping("/api/agreements/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove an agreement (its measures stay)")
  public void delete(@PathVariable long id) {
    service.delete(id);
  }

  @GetMapping("/api/agreements/{id}/evaluation")
  @Operation(
      summary = "The yearly evaluation: what was agreed, what was done, where the figures went",
      description = "year=Y (default: this year, at most the agreement's last year).")
  public Map<String, Object> evaluation(
      @PathVariable long id, @RequestParam(required = false) Integer year) {
    AgreementService.Evaluation e = service.evaluation(id, year);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agreement", json(e.assessed(), LocaleContextHolder.getLocale()));
    out.put("year", e.year());
    out.put("measures", e.measures());
    out.put("budgetTotalEuro", e.budgetTotal());
    out.put("spentUpToYearEuro", e.spentUpToYear());
    return out;
  }

  @GetMapping("/api/agreements/{id}/evaluation.{format}")
  @Operation(summary = "The yearly evaluation as pdf or xlsx (in the reader's language)")
  public ResponseEntity<byte[]> evaluationFile(
      @PathVariable long id,
      @PathVariable String format,
      @RequestParam(required = false) Integer year) {
    if (!format.equals("pdf") && !format.equals("xlsx")) {
      throw new nl.veerkracht.common.NotFoundException(
          nl.veerkracht.common.Text.msg("agreement.error.format", "format", format));
    }
    AgreementService.Evaluation e = service.evaluation(id, year);
    Locale locale = LocaleContextHolder.getLocale();
    String name = "prestatieafspraak_" + id + "_evaluatie_" + e.year();
    return format.equals("pdf")
        ? Downloads.pdf(name, AgreementFiles.pdf(e, locale))
        : Downloads.xlsx(name, AgreementFiles.xlsx(e, locale));
  }

  static Map<String, Object> json(AgreementService.Assessed a, Locale locale) {
    Agreement g = a.agreement();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", g.id());
    out.put("corporation", Map.of("code", g.corporationCode(), "name", g.corporationName()));
    out.put("title", g.title());
    out.put("text", g.body());
    out.put("gemeente", named(g.gemeenteCode(), g.gemeenteName()));
    out.put("startYear", g.startYear());
    out.put("endYear", g.endYear());
    out.put("parties", g.parties());
    List<Map<String, Object>> areas = new ArrayList<>();
    List<Map<String, Object>> complexes = new ArrayList<>();
    for (Agreement.Scope s : g.scopes()) {
      if (s.areaCode() != null) {
        areas.add(named(s.areaCode(), s.name()));
      } else {
        complexes.add(named(s.complexCode(), s.name()));
      }
    }
    out.put("areas", areas);
    out.put("complexes", complexes);
    out.put("measures", g.measureIds());
    out.put("status", a.outcome().status().name());
    out.put("statusLabel", AgreementFiles.status(a, locale));
    out.put("onTrack", a.outcome().onTrack());
    out.put("offTrack", a.outcome().offTrack());
    out.put("notMeasurable", a.outcome().notMeasurable());
    List<Map<String, Object>> targets = new ArrayList<>();
    for (TargetMonitor.TargetView v : a.targets()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("measureId", v.measureId());
      t.put("measureTitle", v.measureTitle());
      t.put("indicator", v.indicator());
      t.put("indicatorLabel", v.indicatorLabel().in(locale));
      t.put("area", named(v.area(), v.areaName()));
      t.put("targetValue", v.targetValue());
      t.put("targetYear", v.targetYear());
      t.put("assessment", v.assessment());
      targets.add(t);
    }
    out.put("targets", targets);
    out.put("updatedAt", g.updatedAt());
    return out;
  }

  private static Map<String, Object> named(String code, String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("name", name == null ? code : name);
    return m;
  }
}
