package nl.veerkracht.measure;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Maatregelen pages: the list, a measure, its form, MJOB lines and spending. */
@Controller
@WebPage
public class MeasurePageController {

  private final MeasureService service;
  private final MeasureLists lists;
  private final Catalogue catalogue;
  private final AtelierDecisions decisions;
  private final CurrentUser currentUser;

  public MeasurePageController(
      MeasureService service,
      MeasureLists lists,
      Catalogue catalogue,
      AtelierDecisions decisions,
      CurrentUser currentUser) {
    this.service = service;
    this.lists = lists;
    this.catalogue = catalogue;
    this.decisions = decisions;
    this.currentUser = currentUser;
  }

  @GetMapping("/maatregelen")
  public String list(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area,
      Model model) {
    Membership m = service.reader(corporation);
    currentUser.choose(m.corporationCode());
    List<PlannedMeasure> all = lists.list(m.corporationId(), complex, area);
    List<Catalogue.Item> items = catalogue.list(m.corporationCode());
    model.addAttribute(
        "view",
        new MeasurePageViews.ListView(
            m,
            currentUser.memberships(),
            all,
            complex,
            area,
            items,
            catalogue.indicatorNames(items)));
    return "measure/measures";
  }

  @GetMapping("/maatregelen/nieuw")
  public String newForm(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) Long atelierMeasure,
      @RequestParam(required = false) Long catalogue,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area,
      Model model) {
    String code = corporation;
    if (code == null && atelierMeasure != null) {
      code =
          decisions
              .find(atelierMeasure)
              .flatMap(d -> lists.corporationCode(d.corporationId()))
              .orElse(null);
    }
    Membership m = service.planner(code);
    int year = Year.now().getValue();
    Map<String, String> values = new LinkedHashMap<>();
    AtelierDecisions.Decision decision = null;
    if (atelierMeasure != null) {
      decision =
          decisions
              .find(atelierMeasure)
              .filter(d -> d.corporationId() == m.corporationId())
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          Text.msg(
                              "error.measure.noAtelierMeasure",
                              "id",
                              String.valueOf(atelierMeasure))));
      values.putAll(MeasureForms.values(decision, year));
    } else if (catalogue != null) {
      this.catalogue.list(m.corporationCode()).stream()
          .filter(i -> catalogue.equals(i.id()))
          .findFirst()
          .ifPresent(i -> values.putAll(MeasureForms.values(i, year)));
    }
    if (complex != null) {
      values.put("scopeKind", "complex");
      values.put("complexCode", complex);
    } else if (area != null) {
      values.put("scopeKind", "area");
      values.put("areaCode", area);
    }
    return form(model, m, null, values, decision, null, List.of());
  }

  @PostMapping("/maatregelen")
  public String create(@RequestParam Map<String, String> form, Model model) {
    Membership m = service.planner(form.get("corporation"));
    try {
      MeasureService.Saved s = service.create(MeasureForms.request(form));
      return "redirect:/maatregelen/"
          + s.id()
          + "?corporation="
          + m.corporationCode()
          + "&nieuw&opgeslagen";
    } catch (InvalidInputException e) {
      AtelierDecisions.Decision d =
          form.get("atelierMeasureId") == null || form.get("atelierMeasureId").isBlank()
              ? null
              : decisions.find(Long.parseLong(form.get("atelierMeasureId"))).orElse(null);
      return form(model, m, null, typed(form, e), d, e.text(), List.of());
    }
  }

  @GetMapping("/maatregelen/{id}")
  public String show(
      @PathVariable long id, @RequestParam(required = false) String corporation, Model model) {
    PlannedMeasure p = service.get(corporation, id);
    Membership m = service.reader(corporation);
    return form(model, m, p, MeasureForms.values(p), null, null, service.warnings(p));
  }

  @PostMapping("/maatregelen/{id}")
  public String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
    PlannedMeasure p = service.get(form.get("corporation"), id);
    Membership m = service.planner(form.get("corporation"));
    try {
      service.update(id, MeasureForms.request(form));
      return "redirect:/maatregelen/" + id + "?corporation=" + m.corporationCode() + "&opgeslagen";
    } catch (InvalidInputException e) {
      return form(model, m, p, typed(form, e), null, e.text(), List.of());
    }
  }

  @PostMapping("/maatregelen/{id}/mjob")
  public String linkMjob(
      @PathVariable long id, @RequestParam Map<String, String> form, Model model) {
    PlannedMeasure p = service.get(form.get("corporation"), id);
    Membership m = service.planner(form.get("corporation"));
    List<MeasureRequests.MjobLink> links =
        form.keySet().stream()
            .filter(k -> k.startsWith("line."))
            .map(k -> Long.valueOf(k.substring("line.".length())))
            .map(
                line -> {
                  String to = form.get("moveTo." + line);
                  return new MeasureRequests.MjobLink(
                      line, to == null || to.isBlank() ? null : Integer.valueOf(to.trim()));
                })
            .toList();
    try {
      service.linkMjob(m.corporationCode(), id, links, "true".equals(form.get("otherLever")));
    } catch (InvalidInputException e) {
      return form(model, m, p, MeasureForms.values(p), null, e.text(), List.of());
    }
    return "redirect:/maatregelen/"
        + id
        + "?corporation="
        + m.corporationCode()
        + "&opgeslagen#mjob";
  }

  @PostMapping("/maatregelen/{id}/uitgaven")
  public String spend(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
    PlannedMeasure p = service.get(form.get("corporation"), id);
    Membership m = service.planner(form.get("corporation"));
    try {
      String amount = form.get("amount");
      service.spend(
          m.corporationCode(),
          id,
          form.get("year") == null || form.get("year").isBlank()
              ? null
              : Integer.valueOf(form.get("year").trim()),
          amount == null || amount.isBlank() ? null : MeasureForms.decimal(amount));
    } catch (InvalidInputException | NumberFormatException e) {
      return form(
          model,
          m,
          p,
          MeasureForms.values(p),
          null,
          e instanceof InvalidInputException i ? i.text() : Text.msg("measure.invalid.spend"),
          List.of());
    }
    return "redirect:/maatregelen/"
        + id
        + "?corporation="
        + m.corporationCode()
        + "&opgeslagen#peryear";
  }

  @PostMapping("/maatregelen/{id}/verwijderen")
  public String delete(@PathVariable long id, @RequestParam Map<String, String> form) {
    PlannedMeasure p = service.get(form.get("corporation"), id);
    service.delete(form.get("corporation"), id);
    return "redirect:/maatregelen?corporation="
        + lists.corporationCode(p.corporationId()).orElseThrow();
  }

  private String form(
      Model model,
      Membership m,
      PlannedMeasure p,
      Map<String, String> values,
      AtelierDecisions.Decision decision,
      Text error,
      List<Text> warnings) {
    List<MjobLinkRepository.Line> lines =
        p != null && p.clusterId() != null
            ? lists.mjobOfCluster(m.corporationId(), p.clusterId())
            : List.of();
    model.addAttribute(
        "targetChoices",
        catalogue.targetChoices(
            org.springframework.context.i18n.LocaleContextHolder.getLocale(),
            values == null ? null : values.get("targetIndicator")));
    model.addAttribute(
        "view",
        new MeasurePageViews.FormView(
            m,
            p,
            values,
            lists.complexes(m.corporationId()),
            decision,
            error,
            warnings,
            lines,
            p == null ? new java.util.TreeMap<>() : lists.spending(m.corporationId(), p.id())));
    return "measure/measure";
  }

  /** What was typed, back in the form, with the field at fault (if known) marked for the page. */
  private static Map<String, String> typed(Map<String, String> form, InvalidInputException e) {
    Map<String, String> typed = new LinkedHashMap<>(form);
    typed.remove("_csrf");
    typed.remove(MeasurePageViews.ERROR_FIELD);
    if (e.field() != null) {
      typed.put(MeasurePageViews.ERROR_FIELD, e.field());
    }
    return typed;
  }
}
