package nl.veerkracht.analysis.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.veerkracht.common.Text;

/**
 * The Leefbaarometer class of each area and year (published where the source gives one, else
 * derived from the deviation {@code afw}), the deviation itself where a source gives only the
 * score, and the change of the deviation within the window.
 */
final class Livability {

  private final RunContext ctx;

  Livability(RunContext ctx) {
    this.ctx = ctx;
  }

  void run(String code) {
    TreeMap<Integer, Double> afwByYear = new TreeMap<>();
    for (Map.Entry<Integer, Map<String, Double>> e : ctx.in.area(code).entrySet()) {
      int year = e.getKey();
      Map<String, Double> v = e.getValue();
      Double afw = deviation(code, year, v);
      if (afw != null) {
        afwByYear.put(year, afw);
      }
      publishedLbm2Class(code, year, v);
      if (!v.containsKey(AnalysisEngine.LBM_CLASS)) {
        derivedClass(code, year, v, afw);
      }
      dimensionClasses(code, year, v);
    }
    change(code, afwByYear);
  }

  /** The deviation {@code afw}: given, or the score minus the configured national mean. */
  private Double deviation(String code, int year, Map<String, Double> v) {
    Double afw = v.get(AnalysisEngine.LBM_AFW);
    Double score = v.get("lbm_score");
    Double mean = ctx.settings.lbmNationalMean().get(year);
    if (afw != null || score == null || mean == null) {
      return afw;
    }
    double derived = score - mean;
    v.put(AnalysisEngine.LBM_AFW, derived);
    Text formula =
        Text.msg(
            "analysis.afw.formula",
            "year",
            year,
            "score",
            Text.num(score, 3),
            "mean",
            Text.num(mean, 4),
            "afw",
            Text.signed(derived, 3));
    ctx.ok(
        code,
        year,
        AnalysisEngine.LBM_AFW,
        derived,
        Text.msg("analysis.afw.derived", "formula", formula));
    return derived;
  }

  private void publishedLbm2Class(String code, int year, Map<String, Double> v) {
    Double published = v.get("lbm2_class");
    if (v.containsKey(AnalysisEngine.LBM_CLASS) || published == null) {
      return;
    }
    v.put(AnalysisEngine.LBM_CLASS, published);
    int c = (int) Math.round(published);
    ctx.ok(
        code,
        year,
        AnalysisEngine.LBM_CLASS,
        published,
        Text.msg(
            "analysis.class.published2", "year", year, "class", c, "label", Bands.lbmLabel(c)));
  }

  private void derivedClass(String code, int year, Map<String, Double> v, Double afw) {
    if (afw != null) {
      int c = Bands.lbmClass(afw, ctx.settings.classLimits(year));
      v.put(AnalysisEngine.LBM_CLASS, (double) c);
      ctx.ok(
          code,
          year,
          AnalysisEngine.LBM_CLASS,
          c,
          Text.msg(
              "analysis.class.derived",
              "afw",
              Text.signed(afw, 3),
              "limits",
              limitsText(c, ctx.settings.classLimits(year)),
              "class",
              c,
              "label",
              Bands.lbmLabel(c)));
      return;
    }
    Double score = v.get("lbm_score");
    if (score != null) {
      ctx.missing(
          code,
          year,
          AnalysisEngine.LBM_CLASS,
          Text.msg("analysis.class.none", "score", Text.num(score, 3), "year", year));
    }
  }

  /** Classes of the five dimensions where the source gives the score but not the class. */
  private void dimensionClasses(String code, int year, Map<String, Double> v) {
    List<Double> limits = ctx.settings.dimensionClassLimits();
    for (String dimension : AnalysisEngine.LBM_DIMENSIONS) {
      Double score = v.get("lbm_" + dimension);
      String id = AnalysisEngine.dimensionClass(dimension);
      if (score == null || v.containsKey(id)) {
        continue;
      }
      int c = Bands.lbmClass(score, limits);
      v.put(id, (double) c);
      ctx.ok(
          code,
          year,
          id,
          c,
          Text.msg(
              "analysis.dimensionClass.derived",
              "dimension",
              Text.msg("lbm.dimension." + dimension),
              "score",
              Text.signed(score, 3),
              "limits",
              limitsText(c, limits),
              "class",
              c,
              "label",
              Bands.lbmLabel(c)));
    }
  }

  private static Text limitsText(int c, List<Double> l) {
    if (c == 1) {
      return Text.msg("analysis.class.limits.below", "limit", Text.signed(l.get(0), 3));
    }
    if (c == 9) {
      return Text.msg("analysis.class.limits.from", "limit", Text.signed(l.get(7), 3));
    }
    return Text.msg(
        "analysis.class.limits.between",
        "low",
        Text.signed(l.get(c - 2), 3),
        "high",
        Text.signed(l.get(c - 1), 3));
  }

  /** The change of {@code afw} from the first year within the window to the last. */
  private void change(String code, TreeMap<Integer, Double> afwByYear) {
    if (afwByYear.size() < 2) {
      return;
    }
    int b = afwByYear.lastKey();
    Integer a = null;
    for (int y : afwByYear.keySet()) {
      if (y < b && b - y <= ctx.settings.windowYears()) {
        a = y;
        break;
      }
    }
    if (a == null) {
      return;
    }
    double d = afwByYear.get(b) - afwByYear.get(a);
    ctx.ok(
        code,
        b,
        AnalysisEngine.LBM_CHANGE,
        d,
        Text.msg(
            "analysis.lbm.change",
            "from",
            a,
            "to",
            b,
            "b",
            Text.signed(afwByYear.get(b), 3),
            "a",
            Text.signed(afwByYear.get(a), 3),
            "d",
            Text.signed(d, 3)));
  }
}
