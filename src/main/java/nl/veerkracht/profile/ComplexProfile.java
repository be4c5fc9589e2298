package nl.veerkracht.profile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.veerkracht.common.Text;

/**
 * A complex's profile as the API and the pages show it, already filtered for its audience.
 *
 * @param buurtYear the area division year the units are linked to
 */
public record ComplexProfile(
    String corporation,
    ComplexRef complex,
    String audience,
    Integer buurtYear,
    List<BuurtView> buurten,
    Map<String, FigureView> indicators,
    Plan maintenance,
    Rents rents,
    List<TurnoverYear> turnover,
    List<AllocationYearView> allocations,
    List<SignalView> signals,
    Text note) {

  /**
   * A figure of a complex, with the same figure for comparison: its main gemeente (that of the
   * buurt with most of its units), the Netherlands, and the mean of that buurt's peer group.
   */
  public record FigureView(
      Double value,
      String status,
      Integer year,
      Integer coveredUnits,
      Integer totalUnits,
      Text explanation,
      Comparison gemeente,
      Comparison nl,
      Comparison peers) {}

  /** A comparison value with its year. */
  public record Comparison(String label, Double value, Integer year) {}

  public record BuurtView(String code, String name, Integer units) {}

  public record ComplexRef(String code, String name, String type, Integer units) {}

  public record Activity(String activity, BigDecimal cost) {}

  public record PlanYear(int year, BigDecimal total, List<Activity> activities) {}

  public record Plan(int from, int to, BigDecimal total, List<PlanYear> years) {}

  public record LimitView(
      String kind, String household, int validYear, BigDecimal amount, String source) {}

  public record Rents(
      Integer unitsWithRent,
      BigDecimal mean,
      Integer aboveDaeb,
      Integer upToLowAftopping,
      Integer upToHighAftopping,
      int limitsYear,
      List<LimitView> limits,
      Text explanation) {}

  public record TurnoverYear(int year, Integer moveOuts, Double ratePct) {}

  public record AllocationYearView(
      int year, Integer total, Double lowIncomePct, Double urgentPct) {}

  /**
   * A count of the corporation's own signals (nuisance reports, complaints) of one kind in one
   * year, per 100 units where the count may be shown, against the corporation's threshold for that
   * kind.
   */
  public record SignalView(int year, String type, Integer count, Double per100, double threshold) {

    public boolean over() {
      return per100 != null && per100 > threshold;
    }
  }
}
