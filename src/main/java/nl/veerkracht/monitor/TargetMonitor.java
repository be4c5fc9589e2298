package nl.veerkracht.monitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.analysis.domain.PeerGroups;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.measure.MeasureRepository;
import nl.veerkracht.measure.MeasureService;
import nl.veerkracht.measure.PlannedMeasure;
import nl.veerkracht.monitor.domain.DiffInDiff;
import nl.veerkracht.monitor.domain.TargetStatus;
import nl.veerkracht.security.Membership;
import nl.veerkracht.stock.StockRepository;
import org.springframework.stereotype.Service;

/**
 * The targets of a corporation's measures, each assessed on the series of its area ({@link
 * TargetStatus}) and compared before/after with its peer group ({@link DiffInDiff}): the buurten
 * most like it nationally among those that hold the series on both sides of the start year, leaving
 * out every area the corporation acts on. Only figures held are used; a missing year is "nog geen
 * gegevens", never a guess.
 */
@Service
public class TargetMonitor {

  static final int PEERS = 10;

  /** One target as the dashboard shows it. */
  public record TargetView(
      long measureId,
      String measureTitle,
      String indicator,
      nl.veerkracht.common.Text indicatorLabel,
      String area,
      String areaName,
      int startYear,
      double targetValue,
      int targetYear,
      TargetStatus.Assessment assessment,
      DiffInDiff.Result comparison,
      List<String> peers,
      SortedMap<Integer, Double> series,
      SortedMap<Integer, Double> peerMean) {

    /** The years of the chart: the area's and its peers'. */
    public List<Integer> years() {
      java.util.TreeSet<Integer> all = new java.util.TreeSet<>(series.keySet());
      all.addAll(peerMean.keySet());
      return List.copyOf(all);
    }

    /** The chart's data for {@code targets.js}, as JSON. */
    public String chartJson(String areaLabel, String peerLabel, String title) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("years", years());
      m.put("area", years().stream().map(series::get).toList());
      m.put("peers", years().stream().map(peerMean::get).toList());
      m.put("areaLabel", areaLabel);
      m.put("peerLabel", peerLabel);
      m.put("title", title);
      return JSON.writeValueAsString(m);
    }
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private final MeasureService measureService;
  private final MeasureRepository measures;
  private final CorporationRepository corporations;
  private final StockRepository stock;
  private final AreaRepository areas;
  private final AnalysisService analysis;
  private final MonitorRepository rows;
  private final nl.veerkracht.statistics.StatisticsCatalogue statistics;

  public TargetMonitor(
      MeasureService measureService,
      MeasureRepository measures,
      CorporationRepository corporations,
      StockRepository stock,
      AreaRepository areas,
      AnalysisService analysis,
      MonitorRepository rows,
      nl.veerkracht.statistics.StatisticsCatalogue statistics) {
    this.statistics = statistics;
    this.measureService = measureService;
    this.measures = measures;
    this.corporations = corporations;
    this.stock = stock;
    this.areas = areas;
    this.analysis = analysis;
    this.rows = rows;
  }

  public List<TargetView> targets(String corporation) {
    return targets(corporation, null, null);
  }

  /**
   * The targets of a corporation; with {@code area}, those of measures in that buurt or on a
   * complex with units there; with {@code complex}, those of measures on that complex.
   */
  public List<TargetView> targets(String corporation, String area, String complex) {
    Membership m = measureService.reader(corporation);
    return targets(m.corporationId(), area, complex, null);
  }

  /**
   * The targets of these measures of a corporation, with no caller check: the caller (an
   * agreement's party, checked there) decides who may read them.
   */
  public List<TargetView> targetsOf(long corporationId, java.util.Collection<Long> measureIds) {
    if (measureIds.isEmpty()) {
      return List.of();
    }
    return targets(corporationId, null, null, Set.copyOf(measureIds));
  }

  private List<TargetView> targets(
      long corporationId, String area, String complex, Set<Long> only) {
    Corporation c = corporations.findById(corporationId).orElseThrow();
    List<PlannedMeasure> all = measures.list(c.id(), null, null);
    Map<String, StockRepository.ClusterSummary> complexes = new java.util.HashMap<>();
    stock.clusters(c.id(), c.complexClusterType()).forEach(x -> complexes.put(x.code(), x));
    Set<String> actedOn = new HashSet<>();
    for (PlannedMeasure p : all) {
      actedOn.addAll(areasOf(p, complexes));
    }
    List<TargetView> out = new ArrayList<>();
    // the buurten that qualify as peers, once per indicator and start year of this call
    Map<String, Set<String>> eligible = new java.util.HashMap<>();
    for (PlannedMeasure p : all) {
      if (p.target() == null
          || (only != null && !only.contains(p.id()))
          || areasOf(p, complexes).isEmpty()
          || (area != null && !areasOf(p, complexes).contains(area))
          || (complex != null && !complex.equals(p.clusterCode()))) {
        continue;
      }
      String followed = areasOf(p, complexes).get(0);
      Set<String> peers =
          eligible.computeIfAbsent(
              p.target().indicator() + "/" + p.startYear(),
              k -> eligible(p.target().indicator(), p.startYear()));
      out.add(view(p, followed, actedOn, peers));
    }
    return out;
  }

  /**
   * Every target of a corporation with its status only (no peer comparison), for the watch that
   * records status changes; no caller check — the caller is the system.
   */
  Map<PlannedMeasure, TargetStatus.Assessment> statuses(long corporationId) {
    Corporation c = corporations.findById(corporationId).orElseThrow();
    Map<String, StockRepository.ClusterSummary> complexes = new java.util.HashMap<>();
    stock.clusters(c.id(), c.complexClusterType()).forEach(x -> complexes.put(x.code(), x));
    Map<PlannedMeasure, TargetStatus.Assessment> out = new java.util.LinkedHashMap<>();
    for (PlannedMeasure p : measures.list(c.id(), null, null)) {
      List<String> area = areasOf(p, complexes);
      if (p.target() != null && !area.isEmpty()) {
        SortedMap<Integer, Double> series =
            series(p.target().indicator(), List.of(area.get(0))).get(area.get(0));
        out.put(
            p, TargetStatus.assess(series, p.startYear(), p.target().value(), p.target().year()));
      }
    }
    return out;
  }

  /** The measure's area, or the buurten of its complex (the one with most of its units first). */
  private static List<String> areasOf(
      PlannedMeasure p, Map<String, StockRepository.ClusterSummary> complexes) {
    if (p.areaCode() != null) {
      return List.of(p.areaCode());
    }
    StockRepository.ClusterSummary s = complexes.get(p.clusterCode());
    return s == null ? List.of() : s.buurtCodes();
  }

  private TargetView view(
      PlannedMeasure p, String area, Set<String> actedOn, Set<String> eligible) {
    PlannedMeasure.Target t = p.target();
    SortedMap<Integer, Double> series = series(t.indicator(), List.of(area)).get(area);
    if (series == null) {
      series = new TreeMap<>();
    }
    PeerGroups groups = analysis.peers();
    List<String> peers =
        groups
            .nearest(area, PEERS, code -> eligible.contains(code) && !actedOn.contains(code))
            .stream()
            .map(PeerGroups.Peer::code)
            .toList();
    Map<String, SortedMap<Integer, Double>> peerSeries = series(t.indicator(), peers);
    DiffInDiff.Result comparison =
        DiffInDiff.compute(series, new ArrayList<>(peerSeries.values()), p.startYear());
    SortedMap<Integer, Double> peerMean = new TreeMap<>();
    for (Integer y : series.keySet()) {
      double[] v =
          peerSeries.values().stream()
              .filter(s -> s.containsKey(y))
              .mapToDouble(s -> s.get(y))
              .toArray();
      if (v.length > 0) {
        peerMean.put(y, java.util.Arrays.stream(v).average().orElseThrow());
      }
    }
    return new TargetView(
        p.id(),
        p.title(),
        t.indicator(),
        label(t.indicator()),
        area,
        areas.names(List.of(area)).getOrDefault(area, area),
        p.startYear(),
        t.value(),
        t.year(),
        TargetStatus.assess(series, p.startYear(), t.value(), t.year()),
        comparison,
        peers,
        series,
        peerMean);
  }

  /** Per area, its held values of the indicator by year. */
  private Map<String, SortedMap<Integer, Double>> series(String indicator, List<String> codes) {
    Map<String, SortedMap<Integer, Double>> out = new java.util.LinkedHashMap<>();
    codes.forEach(code -> out.put(code, new TreeMap<>()));
    if (codes.isEmpty()) {
      return out;
    }
    for (MonitorRepository.Value v : rows.values(List.of(indicator), codes)) {
      out.get(v.areaCode()).put(v.year(), v.value());
    }
    return out;
  }

  /** Buurten holding at least two years of the indicator before and after the start year. */
  private Set<String> eligible(String indicator, int startYear) {
    return rows.buurtenAround(indicator, startYear);
  }

  private nl.veerkracht.common.Text label(String indicator) {
    return statistics
        .find(indicator)
        .map(i -> nl.veerkracht.common.Text.of(i.labelNl(), i.labelEn()))
        .orElse(nl.veerkracht.common.Text.plain(indicator));
  }
}
