package nl.veerkracht.stock.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The records around units that stock files carry. */
public final class StockRecords {

  private StockRecords() {}

  /** A line of the multi-year maintenance plan. */
  public record MaintenanceLine(
      long line,
      ClusterType clusterType,
      String clusterCode,
      int year,
      String activity,
      BigDecimal costEuro) {}

  /**
   * An allocation (toewijzing).
   *
   * @param incomeClass below_limit (at or below the passend-toewijzen limit), above_limit, middle,
   *     high or unknown
   * @param priority VERA voorrangsregelingen.detailSoort (UIT, STA, MED, ...), or null
   * @param targetGroup VERA aanvullendeDoelgroep (GGZ, PSY, DAK, ...), or null
   */
  public record Allocation(
      long line,
      String unitCode,
      LocalDate date,
      String householdType,
      Integer householdSize,
      String incomeClass,
      boolean urgent,
      BigDecimal rentEuro,
      String priority,
      String targetGroup) {}

  /**
   * A tenant moving out, and when the next one moved in (null while empty).
   *
   * @param endReason VERA eindeDetailReden (e.g. a name change or a swap), or null
   */
  public record Turnover(
      long line, String unitCode, LocalDate movedOut, LocalDate movedIn, String endReason) {}

  /** A count of the corporation's own signals for a cluster in a year. */
  public record Signal(
      long line, ClusterType clusterType, String clusterCode, int year, String type, int count) {}
}
