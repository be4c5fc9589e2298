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

  /**
   * The amounts by year and lever (every row, measures and MJOB), each year of the range present:
   * the table a finance department reads. Its row sums are {@code totals.byYear}, its column sums
   * {@code totals.byLever}.
   */
  public java.util.SortedMap<Integer, Map<String, BigDecimal>> byYearAndLever() {
    java.util.SortedMap<Integer, Map<String, BigDecimal>> out = new java.util.TreeMap<>();
    for (int y = from; y <= to; y++) {
      out.put(y, new java.util.LinkedHashMap<>());
    }
    for (Row r : rows) {
      out.computeIfAbsent(r.year(), k -> new java.util.LinkedHashMap<>())
          .merge(r.lever(), r.amountEuro(), BigDecimal::add);
    }
    return out;
  }

  /** The levers of the rows, in the order of the six levers (any other after them). */
  public List<String> levers() {
    java.util.Set<String> present = new java.util.LinkedHashSet<>();
    rows.forEach(r -> present.add(r.lever()));
    List<String> out = new java.util.ArrayList<>();
    for (nl.veerkracht.measure.domain.Lever l : nl.veerkracht.measure.domain.Lever.values()) {
      if (present.remove(l.id())) {
        out.add(l.id());
      }
    }
    out.addAll(present);
    return out;
  }

  public record Totals(
      BigDecimal total,
      Map<Integer, BigDecimal> byYear,
      Map<String, BigDecimal> byLever,
      Map<String, BigDecimal> bySource) {}
}
