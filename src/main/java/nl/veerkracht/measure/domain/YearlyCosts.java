package nl.veerkracht.measure.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A measure's cost lines spread over its years: one-off lines fall in the start year, yearly lines
 * in every year from start to end; per-unit lines are multiplied by the unit count the measure
 * recorded. Amounts are rounded to cents once, per year.
 */
public final class YearlyCosts {

  private YearlyCosts() {}

  /**
   * The money per year of a measure running from {@code startYear} to {@code endYear} (inclusive)
   * with {@code units} units; every year of the range is present, also with zero.
   */
  public static SortedMap<Integer, BigDecimal> perYear(
      List<Cost> costs, int startYear, int endYear, int units) {
    if (endYear < startYear) {
      throw new IllegalArgumentException("end year " + endYear + " before start " + startYear);
    }
    SortedMap<Integer, BigDecimal> out = new TreeMap<>();
    for (int y = startYear; y <= endYear; y++) {
      out.put(y, BigDecimal.ZERO);
    }
    for (Cost c : costs) {
      BigDecimal amount =
          c.kind().perUnit() ? c.amountEuro().multiply(BigDecimal.valueOf(units)) : c.amountEuro();
      if (c.kind().everyYear()) {
        for (int y = startYear; y <= endYear; y++) {
          out.merge(y, amount, BigDecimal::add);
        }
      } else {
        out.merge(startYear, amount, BigDecimal::add);
      }
    }
    out.replaceAll((y, v) -> v.setScale(2, RoundingMode.HALF_UP));
    return out;
  }

  public static BigDecimal total(SortedMap<Integer, BigDecimal> perYear) {
    return perYear.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
