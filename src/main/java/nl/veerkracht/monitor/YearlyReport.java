package nl.veerkracht.monitor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.measure.MeasureRepository;
import nl.veerkracht.measure.MeasureService;
import nl.veerkracht.measure.PlannedMeasure;
import nl.veerkracht.security.Membership;
import org.springframework.stereotype.Service;

/**
 * The yearly leefbaarheidsmonitor of a corporation: its buurten with livability class, veerkracht
 * signal and attention status now and the year before, the measures with what the begroting holds
 * for them, the targets with their status and before/after comparison, what changed in the year,
 * and the sources. Only held figures; a missing year is shown as such.
 */
@Service
public class YearlyReport {

  /** The classes and statuses watched for changes. */
  static final List<String> WATCHED =
      List.of(AnalysisEngine.LBM_CLASS, AnalysisEngine.SIGNAL, AnalysisEngine.ATTENTION);

  /** Published CBS figures with a yearly series, shown beside them. */
  static final List<String> SERIES =
      List.of("pct_low_income_households", "social_assistance_per_1000");

  static final List<String> FIGURES =
      java.util.stream.Stream.concat(WATCHED.stream(), SERIES.stream()).toList();

  /** The message key of a figure's column heading. */
  static String heading(String figure) {
    return (WATCHED.contains(figure) ? "changes.indicator." : "yearly.figure.") + figure;
  }

  /** A figure's value as the report prints it: class and status names, or the number. */
  static Text value(String figure, double v) {
    return WATCHED.contains(figure) ? Changes.label(figure, v) : Text.grouped(v, 1);
  }

  /** A figure's newest held value and the measurement before it (either may be absent). */
  public record Now(Integer year, Text value, Integer previousYear, Text previous) {}

  public record Buurt(String code, String name, Map<String, Now> figures) {}

  /** A measure with its budget in the report year and over its whole run. */
  public record MeasureLine(
      long id,
      String title,
      String scope,
      String lever,
      String status,
      int startYear,
      int endYear,
      BigDecimal budgetInYear,
      BigDecimal budgetTotal,
      BigDecimal spentInYear,
      BigDecimal spentTotal) {}

  public record Report(
      String corporationCode,
      String corporationName,
      int year,
      LocalDate made,
      List<Buurt> buurten,
      List<MeasureLine> measures,
      Map<String, Long> measuresByStatus,
      List<TargetMonitor.TargetView> targets,
      List<Changes.Change> changes,
      List<SignalWatch.Current> signals,
      List<String> sources) {}

  private final MeasureService measureService;
  private final MeasureRepository measures;
  private final TargetMonitor targets;
  private final Changes changes;
  private final AreaRepository areas;
  private final MonitorRepository rows;
  private final SignalWatch signals;

  public YearlyReport(
      MeasureService measureService,
      MeasureRepository measures,
      TargetMonitor targets,
      Changes changes,
      AreaRepository areas,
      MonitorRepository rows,
      SignalWatch signals) {
    this.signals = signals;
    this.measureService = measureService;
    this.measures = measures;
    this.targets = targets;
    this.changes = changes;
    this.areas = areas;
    this.rows = rows;
  }

  public Report report(String corporation, Integer year) {
    Membership m = measureService.reader(corporation);
    int y = year == null ? LocalDate.now().getYear() : year;
    if (y < 2000 || y > 2100) {
      throw new InvalidInputException(Text.msg("budget.invalid.years", "max", 1));
    }
    List<String> codes = rows.reportBuurten(m.corporationId());
    Map<String, String> names = areas.names(codes);
    Map<String, Map<String, SortedMap<Integer, Double>>> series = new HashMap<>();
    List<String> sources = new ArrayList<>();
    if (!codes.isEmpty()) {
      for (MonitorRepository.Value v : rows.values(FIGURES, codes)) {
        series
            .computeIfAbsent(v.areaCode(), k -> new HashMap<>())
            .computeIfAbsent(v.indicator(), k -> new TreeMap<>())
            .put(v.year(), v.value());
        if (v.attribution() != null && !sources.contains(v.attribution())) {
          sources.add(v.attribution());
        }
      }
    }
    List<Buurt> buurten = buurten(codes, names, series, y);
    Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
    List<MeasureLine> lines = measureLines(m, y, byStatus);
    return new Report(
        m.corporationCode(),
        m.corporationName(),
        y,
        LocalDate.now(),
        buurten,
        lines,
        byStatus,
        targets.targets(m.corporationCode()),
        changes.forCorporation(m.corporationId(), LocalDate.of(y, 1, 1), 1000).stream()
            .filter(c -> c.detectedAt().getYear() == y)
            .toList(),
        signals.current(m.corporationId()).stream().filter(c -> c.year() <= y).toList(),
        sources);
  }

  /** Each buurt's figures in the year (the newest up to it) and at the measurement before. */
  private static List<Buurt> buurten(
      List<String> codes,
      Map<String, String> names,
      Map<String, Map<String, SortedMap<Integer, Double>>> series,
      int y) {
    List<Buurt> buurten = new ArrayList<>();
    for (String code : codes) {
      Map<String, Now> figures = new java.util.LinkedHashMap<>();
      for (String f : FIGURES) {
        SortedMap<Integer, Double> s =
            series.getOrDefault(code, Map.of()).getOrDefault(f, new TreeMap<>()).headMap(y + 1);
        Integer newest = s.isEmpty() ? null : s.lastKey();
        // the measurement before the newest, whichever year that was (the Leefbaarometer is
        // published every two or three years, not every year)
        Integer before =
            newest == null || s.headMap(newest).isEmpty() ? null : s.headMap(newest).lastKey();
        figures.put(
            f,
            new Now(
                newest,
                newest == null ? null : value(f, s.get(newest)),
                before,
                before == null ? null : value(f, s.get(before))));
      }
      buurten.add(new Buurt(code, names.getOrDefault(code, code), figures));
    }
    return buurten;
  }

  /**
   * The corporation's measures with budget and spending, counted per status in {@code byStatus}.
   */
  private List<MeasureLine> measureLines(Membership m, int y, Map<String, Long> byStatus) {
    List<MeasureLine> lines = new ArrayList<>();
    MeasureService.STATUSES_IN_ORDER.forEach(s -> byStatus.put(s, 0L));
    Map<Long, SortedMap<Integer, BigDecimal>> spent = measures.spending(m.corporationId());
    for (PlannedMeasure p : measures.list(m.corporationId(), null, null)) {
      byStatus.merge(p.status(), 1L, Long::sum);
      SortedMap<Integer, BigDecimal> s = spent.getOrDefault(p.id(), new TreeMap<>());
      lines.add(
          new MeasureLine(
              p.id(),
              p.title(),
              p.scope(),
              p.lever(),
              p.status(),
              p.startYear(),
              p.endYear(),
              p.perYear().getOrDefault(y, BigDecimal.ZERO),
              p.total(),
              s.getOrDefault(y, BigDecimal.ZERO),
              s.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
    }
    return lines;
  }
}
