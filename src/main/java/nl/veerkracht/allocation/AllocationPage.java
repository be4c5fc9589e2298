package nl.veerkracht.allocation;

import java.util.List;
import java.util.Map;
import nl.veerkracht.allocation.domain.Backtest;
import nl.veerkracht.common.Text;

/**
 * What /toewijzing shows: the complexes to choose from, the parameters as given, the comparison
 * (null after an error), the complexes scenario B takes over the threshold, and the back-test (only
 * on /toewijzing/terugblik); {@code noData} when the corporation has no lettings to compute with
 * (then the page shows what to load, and no figures).
 */
public record AllocationPage(
    String corporation,
    String corporationName,
    boolean synthetic,
    Map<String, String> complexes,
    String complex,
    Map<String, String> form,
    AllocationViews.Comparison comparison,
    AllocationViews.Crossings crossings,
    AllocationViews.BuurtComparison buurt,
    Backtest.Result backtest,
    Text error,
    boolean noData) {

  public static final List<String> SCENARIOS =
      List.of("status_quo", "spreading", "cap", "labelling", "local_priority");

  public String value(String field, String otherwise) {
    String v = form.get(field);
    return v == null || v.isBlank() ? otherwise : v;
  }

  /** The query string of the comparison shown, for the download link (shares, not percents). */
  public String query() {
    AllocationViews.Comparison c = comparison;
    return "corporation="
        + encode(corporation)
        + "&a="
        + c.a().id()
        + "&b="
        + c.b().id()
        + "&years="
        + (c.a().years().size() - 1)
        + "&threshold="
        + c.threshold()
        + "&cap="
        + c.cap()
        + "&local="
        + c.local()
        + "&turnover="
        + encode(c.turnover())
        + "&vulnerable="
        + String.join(",", c.vulnerable());
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The chart's data for {@code allocation.js}. */
  public static String chartJson(
      AllocationViews.ScenarioResult s,
      double threshold,
      String title,
      Double cap,
      String capLabel) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    if (cap != null) {
      m.put("cap", round(cap));
      m.put("capLabel", capLabel);
    }
    m.put("years", s.years().stream().map(AllocationViews.YearRow::year).toList());
    m.put("expected", s.years().stream().map(y -> round(y.expected())).toList());
    m.put("p10", s.years().stream().map(y -> round(y.p10())).toList());
    m.put("p90", s.years().stream().map(y -> round(y.p90())).toList());
    m.put("threshold", round(threshold));
    m.put("title", title);
    return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(m);
  }

  /** The route-mix chart's data for {@code allocation.js}: per route its share per year. */
  public static String routesJson(AllocationViews.ScenarioResult s, java.util.Locale locale) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("years", s.years().stream().map(AllocationViews.YearRow::year).toList());
    List<Map<String, Object>> routes = new java.util.ArrayList<>();
    for (nl.veerkracht.allocation.domain.Route route :
        nl.veerkracht.allocation.domain.Route.values()) {
      Map<String, Object> r = new java.util.LinkedHashMap<>();
      r.put("id", route.id());
      r.put("label", Text.msg("allocation.route." + route.id()).in(locale));
      r.put("shares", s.years().stream().map(y -> round(y.routes().get(route.id()))).toList());
      routes.add(r);
    }
    m.put("routes", routes);
    return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(m);
  }

  /** The buurt chart's data for {@code allocation.js}: both scenarios' expected share. */
  public static String buurtJson(
      AllocationViews.BuurtComparison b, String labelA, String labelB, double threshold) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("years", b.yearsA().stream().map(AllocationViews.BuurtYear::year).toList());
    m.put("a", b.yearsA().stream().map(y -> round(y.vulnerable())).toList());
    m.put("b", b.yearsB().stream().map(y -> round(y.vulnerable())).toList());
    m.put("labelA", labelA);
    m.put("labelB", labelB);
    m.put("threshold", round(threshold));
    return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(m);
  }

  private static double round(double share) {
    return Math.round(share * 1000) / 10.0;
  }
}
