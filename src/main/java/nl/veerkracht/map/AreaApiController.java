package nl.veerkracht.map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.ObservationRepository;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Observation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public read API on areas and their figures (contract: {@code /api/areas}). */
@RestController
@RequestMapping("/api/areas")
@Tag(name = "Public data")
public class AreaApiController {

  private final AreaRepository areas;
  private final ObservationRepository observations;
  private final StatisticsCatalogue catalogue;

  public AreaApiController(
      AreaRepository areas, ObservationRepository observations, StatisticsCatalogue catalogue) {
    this.areas = areas;
    this.observations = observations;
    this.catalogue = catalogue;
  }

  @GetMapping
  @Operation(summary = "Areas of one level and year, optionally within a gemeente or wijk")
  public List<AreaSummary> list(
      @RequestParam String level,
      @RequestParam int year,
      @RequestParam(required = false) String within) {
    AreaLevel l =
        AreaLevel.find(level)
            .orElseThrow(() -> new BadRequestException(Text.msg("error.map.level")));
    Optional<AreaCode> w =
        within == null || within.isBlank() ? Optional.empty() : Optional.of(code(within));
    return areas.list(l, year, w).stream().map(AreaSummary::of).toList();
  }

  @GetMapping("/{code}")
  @Operation(summary = "An area with its figures of one year (default: the newest year held)")
  public AreaDetail get(@PathVariable String code, @RequestParam(required = false) Integer year) {
    AreaCode c = code(code);
    List<Integer> dataYears = observations.years(c.value());
    int y =
        year != null
            ? year
            : areas
                .findLatestYear(c)
                .orElseThrow(
                    () ->
                        new NotFoundException(
                            Text.msg("error.map.areaNotHeld", "code", String.valueOf(c))));
    Area area =
        areas
            .find(c, y)
            .or(() -> areas.findLatestYear(c).flatMap(latest -> areas.find(c, latest)))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        Text.msg("error.map.areaNotHeld", "code", String.valueOf(c))));
    Map<String, Figure> figures = new LinkedHashMap<>();
    for (Observation o : observations.listForArea(c.value(), y)) {
      figures.put(o.indicatorId(), Figure.of(o));
    }
    // derived present-state figures (signal, attention, changes) from an earlier year when the
    // year asked has none; each figure carries its own year
    for (Observation o : observations.latestUpTo(c.value(), y, AnalysisEngine.CURRENT_STATE)) {
      figures.putIfAbsent(o.indicatorId(), Figure.of(o));
    }
    return new AreaDetail(
        c.value(),
        area.name(),
        area.level().id(),
        y,
        area.parentCode() == null ? null : area.parentCode().value(),
        dataYears,
        areas.attributes(c, area.year()),
        figures);
  }

  @GetMapping("/{code}/series/{indicator}")
  @Operation(summary = "One indicator of an area over all years held")
  public List<SeriesPoint> series(@PathVariable String code, @PathVariable String indicator) {
    AreaCode c = code(code);
    if (catalogue.find(indicator).isEmpty()) {
      throw new NotFoundException(
          Text.msg("error.noIndicator", "indicator", String.valueOf(indicator)));
    }
    return observations.series(c.value(), indicator).stream()
        .map(
            o ->
                new SeriesPoint(
                    o.year(), o.value(), o.status().id(), o.reason(), o.source(), o.explanation()))
        .toList();
  }

  static AreaCode code(String raw) {
    return AreaCode.parse(raw)
        .orElseThrow(
            () ->
                new BadRequestException(
                    Text.msg("error.map.areaCode", "code", String.valueOf(raw))));
  }
}
