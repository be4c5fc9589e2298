package nl.veerkracht.measure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import nl.veerkracht.measure.domain.Cost;
import nl.veerkracht.measure.domain.YearlyCosts;

/**
 * A planned measure as stored: its scope is an area ({@code areaCode}) or a complex ({@code
 * clusterCode} of the corporation's complex cluster type); {@code units} is the unit count of the
 * scope on {@code unitsCountedOn}, the day its costs were last set.
 */
public record PlannedMeasure(
    long id,
    long corporationId,
    String title,
    String lever,
    String description,
    String areaCode,
    Long clusterId,
    String clusterCode,
    int startYear,
    int endYear,
    String owner,
    String partners,
    String status,
    BigDecimal streefhuurEuro,
    Target target,
    String packageName,
    int units,
    LocalDate unitsCountedOn,
    AtelierLink atelier,
    String createdBy,
    Instant updatedAt,
    List<Cost> costs) {

  /** What the measure is meant to move: an indicator to a value by a year. */
  public record Target(String indicator, double value, int year) {}

  /** The atelier decision the measure came from. */
  public record AtelierLink(Long atelierMeasureId, Long atelierId, Long problemAreaId) {}

  /** The scope's code: the area code or the complex code. */
  public String scope() {
    return areaCode != null ? areaCode : clusterCode;
  }

  /** {@code area} or {@code complex}. */
  public String scopeKind() {
    return areaCode != null ? "area" : "complex";
  }

  public SortedMap<Integer, BigDecimal> perYear() {
    return YearlyCosts.perYear(costs, startYear, endYear, units);
  }

  public BigDecimal total() {
    return YearlyCosts.total(perYear());
  }
}
