package nl.veerkracht.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.statistics.ObservationRepository;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.Observation;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The page of one area: its figures of a year with their sources. */
@Controller
@WebPage
public class AreaPageController {

  /** A row of the figures table. */
  public record FigureRow(
      String indicatorId,
      String label,
      String category,
      String unit,
      int decimals,
      Double value,
      String status,
      String reason,
      String source,
      String attribution) {}

  /** What the page shows. */
  public record AreaView(
      Area area,
      String parentName,
      int year,
      List<Integer> years,
      List<FigureRow> figures,
      List<String> credits) {}

  private final AreaRepository areas;
  private final ObservationRepository observations;
  private final StatisticsCatalogue catalogue;

  public AreaPageController(
      AreaRepository areas, ObservationRepository observations, StatisticsCatalogue catalogue) {
    this.areas = areas;
    this.observations = observations;
    this.catalogue = catalogue;
  }

  @GetMapping("/gebied/{code}")
  public String area(
      @PathVariable String code,
      @RequestParam(required = false) Integer year,
      Model model,
      jakarta.servlet.http.HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    AreaCode c = AreaCode.parse(code).orElseThrow(() -> new NotFoundException("No such area"));
    List<Integer> years = observations.years(c.value());
    int y =
        year != null
            ? year
            : years.isEmpty()
                ? areas.findLatestYear(c).orElseThrow(() -> new NotFoundException("No such area"))
                : years.get(0);
    Area area =
        areas
            .find(c, y)
            .or(() -> areas.findLatestYear(c).flatMap(latest -> areas.find(c, latest)))
            .orElseThrow(() -> new NotFoundException("No such area"));
    String parentName =
        Optional.ofNullable(area.parentCode())
            .flatMap(
                p ->
                    areas
                        .find(p, area.year())
                        .or(() -> areas.findLatestYear(p).flatMap(l -> areas.find(p, l))))
            .map(Area::name)
            .orElse(null);
    List<FigureRow> rows = new ArrayList<>();
    List<String> credits = new ArrayList<>();
    for (Observation o : observations.listForArea(c.value(), y)) {
      Indicator i = catalogue.find(o.indicatorId()).orElse(null);
      if (i == null) {
        continue;
      }
      rows.add(
          new FigureRow(
              i.id(),
              i.label(locale),
              i.category(),
              i.unit(),
              i.decimals(),
              o.value(),
              o.status().id(),
              o.reason(),
              o.source(),
              o.attribution()));
      if (o.attribution() != null && !credits.contains(o.attribution())) {
        credits.add(o.attribution());
      }
    }
    rows.sort(
        Comparator.comparing(
                (FigureRow r) ->
                    r.indicatorId().startsWith("cbs_") || r.indicatorId().startsWith("src_")
                        ? 1
                        : 0)
            .thenComparing(FigureRow::category)
            .thenComparing(FigureRow::label));
    model.addAttribute("view", new AreaView(area, parentName, y, years, rows, credits));
    return "area";
  }
}
