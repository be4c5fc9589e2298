package nl.veerkracht.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.analysis.domain.PeerGroups;
import nl.veerkracht.analysis.domain.Signal;
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

  /** A derived figure with how it was computed. */
  public record DerivedRow(
      String indicatorId, String label, String value, int year, String explanation) {}

  /** A similar buurt. */
  public record PeerRow(String code, String name) {}

  /** What the page shows. */
  public record AreaView(
      Area area,
      String parentName,
      int year,
      List<Integer> years,
      List<DerivedRow> analysis,
      List<PeerRow> peers,
      List<FigureRow> figures,
      List<String> credits) {}

  /** The order of the analysis block; other derived figures follow. */
  private static final List<String> ANALYSIS_ORDER =
      List.of(
          AnalysisEngine.SIGNAL,
          AnalysisEngine.ATTENTION,
          AnalysisEngine.LBM_CLASS,
          AnalysisEngine.LBM_VS_GEMEENTE,
          AnalysisEngine.LBM_CHANGE,
          AnalysisEngine.SHARE_BAND,
          AnalysisEngine.VULNERABILITY,
          AnalysisEngine.VULNERABILITY_CHANGE,
          AnalysisEngine.ONV_CHANGE,
          AnalysisEngine.ONV_VS_GEMEENTE);

  private final AreaRepository areas;
  private final ObservationRepository observations;
  private final StatisticsCatalogue catalogue;
  private final AnalysisService analysis;

  public AreaPageController(
      AreaRepository areas,
      ObservationRepository observations,
      StatisticsCatalogue catalogue,
      AnalysisService analysis) {
    this.areas = areas;
    this.observations = observations;
    this.catalogue = catalogue;
    this.analysis = analysis;
  }

  private DerivedRow derivedRow(Observation o, Locale locale, boolean english) {
    Indicator i = catalogue.find(o.indicatorId()).orElse(null);
    String label = i == null ? o.indicatorId() : i.label(locale);
    String value;
    if (o.value() == null) {
      value = english ? "not known" : "onbekend";
    } else {
      int v = (int) Math.round(o.value());
      value =
          switch (o.indicatorId()) {
            case AnalysisEngine.SIGNAL -> english ? Signal.ofCode(v).en() : Signal.ofCode(v).nl();
            case AnalysisEngine.ATTENTION ->
                v == 1 ? (english ? "yes" : "ja") : (english ? "no" : "nee");
            case AnalysisEngine.LBM_CLASS -> v + " (" + Bands.lbmLabel(v) + ")";
            case AnalysisEngine.SHARE_BAND -> Bands.shareLabel(v);
            default ->
                nl.veerkracht.web.Page.format(
                    o.value(), i == null ? 2 : Math.max(i.decimals(), 1), locale);
          };
    }
    return new DerivedRow(
        o.indicatorId(),
        label,
        value,
        o.year(),
        english && o.explanationEn() != null ? o.explanationEn() : o.explanationNl());
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
    boolean english = "en".equals(locale.getLanguage());
    Map<String, Observation> derived = new LinkedHashMap<>();
    for (Observation o : observations.latestUpTo(c.value(), y, AnalysisEngine.CURRENT_STATE)) {
      derived.put(o.indicatorId(), o);
    }
    for (Observation o : observations.listForArea(c.value(), y)) {
      Indicator i = catalogue.find(o.indicatorId()).orElse(null);
      if (i == null) {
        continue;
      }
      if (o.derived()) {
        derived.putIfAbsent(o.indicatorId(), o);
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
    List<DerivedRow> analysis = new ArrayList<>();
    for (String id : ANALYSIS_ORDER) {
      Observation o = derived.remove(id);
      if (o != null) {
        analysis.add(derivedRow(o, locale, english));
      }
    }
    derived.values().forEach(o -> analysis.add(derivedRow(o, locale, english)));
    List<PeerRow> peers = new ArrayList<>();
    if (area.level().id().equals("buurt")) {
      List<PeerGroups.Peer> near = this.analysis.peers().nearest(c.value(), 10);
      Map<String, String> names = areas.names(near.stream().map(PeerGroups.Peer::code).toList());
      near.forEach(p -> peers.add(new PeerRow(p.code(), names.getOrDefault(p.code(), p.code()))));
    }
    model.addAttribute(
        "view", new AreaView(area, parentName, y, years, analysis, peers, rows, credits));
    return "area";
  }
}
