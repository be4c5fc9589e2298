package nl.veerkracht.measure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.stock.OwnStock;
import nl.veerkracht.stock.StockRepository;
import org.springframework.stereotype.Service;

/**
 * What the measure pages and API read besides one measure: a corporation's measures (of one complex
 * or area), what was spent on each per year, the MJOB lines of a complex or a measure, its
 * complexes to choose from and its code. The caller has checked the membership (through {@link
 * MeasureService#reader} or {@code planner}).
 */
@Service
public class MeasureLists {

  private final MeasureRepository measures;
  private final MjobLinkRepository mjob;
  private final CorporationRepository corporations;
  private final OwnStock stock;

  public MeasureLists(
      MeasureRepository measures,
      MjobLinkRepository mjob,
      CorporationRepository corporations,
      OwnStock stock) {
    this.measures = measures;
    this.mjob = mjob;
    this.corporations = corporations;
    this.stock = stock;
  }

  /** The MJOB lines of one complex, with the measure that took each up. */
  public List<MjobLinkRepository.Line> mjobOfCluster(long corporationId, long clusterId) {
    return mjob.ofCluster(corporationId, clusterId);
  }

  /** The MJOB lines a measure took up. */
  public List<MjobLinkRepository.Line> mjobOfMeasure(long corporationId, long measureId) {
    return mjob.ofMeasure(corporationId, measureId);
  }

  /** The corporation's measures, of one complex (code) and/or area (code) when asked. */
  public List<PlannedMeasure> list(long corporationId, String complex, String area) {
    return measures.list(corporationId, null, null).stream()
        .filter(p -> complex == null || complex.equals(p.clusterCode()))
        .filter(p -> area == null || area.equalsIgnoreCase(p.areaCode()))
        .toList();
  }

  /** Per measure id, what was spent per year. */
  public Map<Long, SortedMap<Integer, BigDecimal>> spending(long corporationId) {
    return measures.spending(corporationId);
  }

  /** What was spent on one measure per year (empty when nothing was). */
  public SortedMap<Integer, BigDecimal> spending(long corporationId, long measureId) {
    return measures.spending(corporationId).getOrDefault(measureId, new TreeMap<>());
  }

  /** The corporation's complexes, to link a measure to. */
  public List<StockRepository.ClusterSummary> complexes(long corporationId) {
    return stock.complexes(corporationId);
  }

  /** The corporation's code, or empty when no such corporation is held. */
  public java.util.Optional<String> corporationCode(long corporationId) {
    return corporations.findById(corporationId).map(Corporation::code);
  }
}
