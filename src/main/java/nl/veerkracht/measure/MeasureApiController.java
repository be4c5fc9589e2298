package nl.veerkracht.measure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Planned measures and the catalogue. Staff of the corporation read; analysts, facilitators and
 * managers write (viewers read only). Every call goes through {@link MeasureService}, which asks
 * who is calling first.
 */
@RestController
@Tag(name = "Measures")
public class MeasureApiController {

  private final MeasureService service;
  private final MeasureLists lists;
  private final Catalogue catalogue;

  public MeasureApiController(MeasureService service, MeasureLists lists, Catalogue catalogue) {
    this.service = service;
    this.lists = lists;
    this.catalogue = catalogue;
  }

  @GetMapping("/api/measures")
  @Operation(summary = "The corporation's planned measures, optionally of one complex or area")
  public List<Map<String, Object>> list(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area) {
    var m = service.reader(corporation);
    Map<Long, java.util.SortedMap<Integer, java.math.BigDecimal>> spent =
        lists.spending(m.corporationId());
    return lists.list(m.corporationId(), complex, area).stream().map(p -> json(p, spent)).toList();
  }

  @PostMapping("/api/measures")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Plan a measure on an area or complex",
      description =
          "Body: corporation, title, lever (onderhoud, huurprijsbeleid, woonruimteverdeling,"
              + " sociaal_beheer, fysiek, samenwerking), areaCode or complexCode, costs [{kind:"
              + " once | per_year | per_unit_once | per_unit_per_year, amountEuro}], startYear,"
              + " endYear, optional streefhuurEuro, target {indicator, value, year}, owner,"
              + " partners, status, package, atelierMeasureId. Answers the id and the warnings"
              + " of the rent-limit checks (amount, year and source of the limit).")
  public MeasureService.Saved create(@RequestBody(required = false) MeasureRequests.Measure body) {
    return service.create(body);
  }

  @GetMapping("/api/measures/{id}")
  @Operation(summary = "One measure with its yearly costs, MJOB lines and warnings")
  public Map<String, Object> get(
      @PathVariable long id, @RequestParam(required = false) String corporation) {
    PlannedMeasure p = service.get(corporation, id);
    return json(p, lists.spending(p.corporationId()));
  }

  @PutMapping("/api/measures/{id}")
  @Operation(summary = "Change a measure (the whole measure, as for POST)")
  public MeasureService.Saved update(
      @PathVariable long id, @RequestBody(required = false) MeasureRequests.Measure body) {
    return service.update(id, body);
  }

  @DeleteMapping("/api/measures/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a measure")
  public void delete(@PathVariable long id, @RequestParam(required = false) String corporation) {
    service.delete(corporation, id);
  }

  @PutMapping("/api/measures/{id}/mjob")
  @Operation(
      summary = "The MJOB lines of its complex an onderhoud measure takes up",
      description =
          "Body: [{lineId, movedToYear?}]; replaces the measure's lines. A measure of another lever"
              + " than onderhoud takes lines only with otherLever=true (400 otherwise).")
  public List<MjobLinkRepository.Line> linkMjob(
      @PathVariable long id,
      @RequestParam(required = false) String corporation,
      @RequestParam(defaultValue = "false") boolean otherLever,
      @RequestBody(required = false) List<MeasureRequests.MjobLink> body) {
    return service.linkMjob(corporation, id, body == null ? List.of() : body, otherLever);
  }

  @PutMapping("/api/measures/{id}/spending")
  @Operation(
      summary = "What the measure actually cost in a year (realisatie)",
      description = "Body: {year, amountEuro}; without amountEuro the year is removed.")
  public Map<String, Object> spend(
      @PathVariable long id,
      @RequestParam(required = false) String corporation,
      @RequestBody(required = false) MeasureRequests.Spend body) {
    MeasureRequests.Spend b = body == null ? new MeasureRequests.Spend(null, null) : body;
    service.spend(corporation, id, b.year(), b.amountEuro());
    return get(id, corporation);
  }

  @GetMapping("/api/measures/catalogue")
  @Operation(summary = "The corporation's measure catalogue (seeded with well-known measures)")
  public List<Catalogue.Item> catalogue(@RequestParam(required = false) String corporation) {
    return catalogue.list(corporation);
  }

  @PostMapping("/api/measures/catalogue")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a measure to the catalogue")
  public Map<String, Long> addToCatalogue(
      @RequestParam(required = false) String corporation,
      @RequestBody(required = false) Catalogue.Item body) {
    return Map.of("id", catalogue.save(corporation, null, body));
  }

  @PutMapping("/api/measures/catalogue/{id}")
  @Operation(summary = "Change a catalogue entry")
  public Map<String, Long> changeCatalogue(
      @PathVariable long id,
      @RequestParam(required = false) String corporation,
      @RequestBody(required = false) Catalogue.Item body) {
    return Map.of("id", catalogue.save(corporation, id, body));
  }

  private Map<String, Object> json(
      PlannedMeasure p, Map<Long, java.util.SortedMap<Integer, java.math.BigDecimal>> spent) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("title", p.title());
    m.put("lever", p.lever());
    m.put("description", p.description());
    m.put("scopeKind", p.scopeKind());
    m.put("scope", p.scope());
    m.put("startYear", p.startYear());
    m.put("endYear", p.endYear());
    m.put("status", p.status());
    m.put("owner", p.owner());
    m.put("partners", p.partners());
    m.put("package", p.packageName());
    m.put("streefhuurEuro", p.streefhuurEuro());
    m.put("target", p.target());
    m.put("units", p.units());
    m.put("unitsCountedOn", p.unitsCountedOn());
    m.put(
        "costs",
        p.costs().stream()
            .map(c -> Map.of("kind", c.kind().id(), "amountEuro", c.amountEuro()))
            .toList());
    m.put("perYear", p.perYear());
    m.put("totalEuro", p.total());
    m.put("spentEuro", lists.spending(p.corporationId(), p.id()));
    m.put("mjob", lists.mjobOfMeasure(p.corporationId(), p.id()));
    m.put("atelier", p.atelier());
    m.put("warnings", service.warnings(p));
    return m;
  }
}
