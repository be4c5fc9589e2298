package nl.veerkracht.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The begroting of a corporation over a range of years: one row per measure per year and one per
 * MJOB line (in the year it now falls in, after measures moved it), with totals.
 *
 * @param rows by year, source (measures first), lever, scope and title
 */
public record Budget(
    String corporation,
    int from,
    int to,
    String lever,
    String scope,
    List<Row> rows,
    Totals totals) {

  /**
   * @param source {@code measure} or {@code mjob}
   * @param scope the area or complex code
   * @param measureId the measure of a measure row, or the measure that moved an MJOB line
   * @param movedFrom the MJOB line's own year when a measure moved it, else null
   */
  public record Row(
      int year,
      String lever,
      String scope,
      String source,
      String title,
      Long measureId,
      Integer movedFrom,
      BigDecimal amountEuro) {}

  public record Totals(
      BigDecimal total,
      Map<Integer, BigDecimal> byYear,
      Map<String, BigDecimal> byLever,
      Map<String, BigDecimal> bySource) {}
}
