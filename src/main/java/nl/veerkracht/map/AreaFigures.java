package nl.veerkracht.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.ObservationRepository;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Observation;
import org.springframework.stereotype.Service;

/**
 * Public areas and their figures as the read API and the map page ask for them: the areas of a
 * level, one area with its figures of a year, one figure over the years, and in which years a
 * figure is known for how many areas. Public data: no caller check.
 */
@Service
public class AreaFigures {

  private final AreaRepository areas;
  private final ObservationRepository observations;
  private final StatisticsCatalogue catalogue;

  public AreaFigures(
      AreaRepository areas, ObservationRepository observations, StatisticsCatalogue catalogue) {
    this.areas = areas;
    this.observations = observations;
    this.catalogue = catalogue;
  }

  /** The areas of one level and year, optionally within a gemeente or wijk. */
  public List<Area> list(AreaLevel level, int year, Optional<AreaCode> within) {
    return areas.list(level, year, within);
  }

  /**
   * An area with its figures of one year (the newest year held when none is asked). Present-state
   * figures (signal, attention, changes) come from an earlier year when the year asked has none;
   * each figure carries its own year.
   */
  public AreaDetail detail(AreaCode c, Integer year) {
    List<Integer> dataYears = observations.years(c.value());
    int y = year != null ? year : areas.findLatestYear(c).orElseThrow(() -> notHeld(c));
    Area area =
        areas
            .find(c, y)
            .or(() -> areas.findLatestYear(c).flatMap(latest -> areas.find(c, latest)))
            .orElseThrow(() -> notHeld(c));
    Map<String, Figure> figures = new LinkedHashMap<>();
    for (Observation o : observations.listForArea(c.value(), y)) {
      figures.put(o.indicatorId(), Figure.of(o));
    }
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

  /** One indicator of an area over all years held; a refusal naming an unknown indicator. */
  public List<SeriesPoint> series(AreaCode c, String indicator) {
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

  /** Per year, for how many areas under this code prefix the indicator is known. */
  public Map<Integer, Integer> knownPerYear(String indicatorId, String codePrefix) {
    return observations.knownPerYear(indicatorId, codePrefix);
  }

  private static NotFoundException notHeld(AreaCode c) {
    return new NotFoundException(Text.msg("error.map.areaNotHeld", "code", String.valueOf(c)));
  }
}
