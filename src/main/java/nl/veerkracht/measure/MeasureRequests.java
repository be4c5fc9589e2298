package nl.veerkracht.measure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** The bodies measure requests send. Every field may be missing; the service says what is wrong. */
public final class MeasureRequests {

  private MeasureRequests() {}

  /**
   * A planned measure. Exactly one of {@code areaCode} and {@code complexCode}; {@code
   * atelierMeasureId} links it to the atelier decision it came from.
   *
   * @param costs kinds {@code once}, {@code per_year}, {@code per_unit_once}, {@code
   *     per_unit_per_year}; per-unit amounts are per VHE
   * @param status idee (default), gepland, lopend, afgerond, geevalueerd
   */
  public record Measure(
      String corporation,
      String title,
      String lever,
      String description,
      String areaCode,
      String complexCode,
      List<CostLine> costs,
      Integer startYear,
      Integer endYear,
      String owner,
      String partners,
      String status,
      BigDecimal streefhuurEuro,
      TargetInput target,
      @JsonProperty("package") String packageName,
      Long atelierMeasureId) {}

  public record CostLine(String kind, BigDecimal amountEuro) {}

  public record TargetInput(String indicator, Double value, Integer year) {}

  /** MJOB lines an onderhoud measure takes up, each optionally moved to another year. */
  public record MjobLink(Long lineId, Integer movedToYear) {}

  /** What a measure cost in a year; no amount removes the year. */
  public record Spend(Integer year, BigDecimal amountEuro) {}
}
