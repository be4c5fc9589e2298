package nl.veerkracht.allocation;

import java.util.List;
import java.util.Map;
import nl.veerkracht.common.Text;

/** What the allocation simulator answers, as the API and the page show it. */
public final class AllocationViews {

  private AllocationViews() {}

  /**
   * One year of a scenario: the expected share of vulnerable households, its P10–P90 band over the
   * Monte-Carlo runs, and the expected share of each route.
   */
  public record YearRow(
      int year,
      double expected,
      double p10,
      double p50,
      double p90,
      double households,
      Map<String, Double> routes) {}

  /**
   * One scenario's run for a complex.
   *
   * @param shares the share of lettings per route
   * @param firstYearOver the first year the expected vulnerable share reaches the threshold, or
   *     null
   * @param statushouderLettingsPerYear expected statushouder lettings a year in the complex
   */
  public record ScenarioResult(
      String id,
      Text label,
      Map<String, Double> shares,
      List<YearRow> years,
      Integer firstYearOver,
      double statushouderLettingsPerYear,
      List<Text> warnings) {}

  /**
   * Two scenarios for one complex, side by side, with what they rest on.
   *
   * @param identical whether the two give the same outcome (then the page says so)
   * @param capNote when one scenario is the cap: why the cap does or does not bite, else null
   */
  public record Comparison(
      String corporation,
      String complex,
      String complexName,
      boolean synthetic,
      int calibratedFrom,
      int calibratedTo,
      int households,
      int lettingsInWindow,
      int householdYearsAtRisk,
      int exitsInWindow,
      String turnover,
      double threshold,
      double cap,
      double local,
      List<String> vulnerable,
      int runs,
      ScenarioResult a,
      ScenarioResult b,
      Map<String, List<Double>> exitRates,
      List<Text> assumptions,
      boolean identical,
      Text capNote) {}

  /**
   * A complex whose expected vulnerable share reaches the threshold within the horizon, with the
   * P10–P90 band at the horizon.
   */
  public record Crossing(
      String complex,
      String name,
      int households,
      double now,
      double atHorizon,
      int year,
      double p10AtHorizon,
      double p90AtHorizon) {}

  /**
   * The complexes one scenario takes over a threshold, and the statushouders it houses a year over
   * the whole portfolio next to the status quo and the agreed number (task), with a warning when it
   * falls short.
   */
  public record Crossings(
      String scenario,
      double threshold,
      int years,
      List<Crossing> complexes,
      double statushoudersPerYear,
      double statushoudersStatusQuo,
      Integer task,
      Text taskWarning) {}

  /** One year of a buurt under a scenario: expected shares, summed over its complexes. */
  public record BuurtYear(
      int year, double households, double vulnerable, Map<String, Double> routes) {}

  /**
   * The corporation's complexes in a buurt (each counted in the buurt that holds most of its units)
   * under two scenarios: the expected path only — the bands are per complex.
   */
  public record BuurtComparison(
      String buurt,
      String name,
      List<String> complexes,
      String a,
      String b,
      List<BuurtYear> yearsA,
      List<BuurtYear> yearsB) {}
}
