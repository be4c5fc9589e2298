package nl.veerkracht.analysis.domain;

import java.util.Map;
import nl.veerkracht.common.Text;

/**
 * Figures the other steps need that CBS gives as counts: social assistance and WMO clients per
 * 1,000 inhabitants, single-person households as a share. Added to the inputs and to the results.
 */
final class DerivedInputs {

  private final RunContext ctx;

  DerivedInputs(RunContext ctx) {
    this.ctx = ctx;
  }

  void run(String code) {
    for (Map.Entry<Integer, Map<String, Double>> e : ctx.in.area(code).entrySet()) {
      int year = e.getKey();
      Map<String, Double> v = e.getValue();
      ratio(
          code,
          year,
          v,
          AnalysisEngine.SOCIAL_ASSISTANCE_PER_1000,
          "social_assistance_recipients",
          "inhabitants",
          1000);
      ratio(code, year, v, AnalysisEngine.WMO_PER_1000, "wmo_clients", "inhabitants", 1000);
      ratio(
          code, year, v, AnalysisEngine.PCT_SINGLE, "single_person_households", "households", 100);
    }
  }

  private void ratio(
      String code,
      int year,
      Map<String, Double> v,
      String id,
      String numerator,
      String denominator,
      int per) {
    Double n = v.get(numerator);
    Double d = v.get(denominator);
    if (v.containsKey(id) || n == null || d == null || d <= 0) {
      return;
    }
    double value = n / d * per;
    v.put(id, value);
    ctx.ok(
        code,
        year,
        id,
        value,
        Text.msg(
            "analysis.ratio",
            "numerator",
            Text.msg("analysis.count." + numerator),
            "denominator",
            Text.msg("analysis.count." + denominator),
            "per",
            per == 100 ? Text.plain("100") : Text.of("1.000", "1,000"),
            "n",
            Text.num(n, 0),
            "d",
            Text.num(d, 0),
            "value",
            Text.num(value, 2),
            "year",
            year));
  }
}
