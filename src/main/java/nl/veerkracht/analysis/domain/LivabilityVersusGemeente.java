package nl.veerkracht.analysis.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;

/**
 * The Leefbaarometer score of each wijk and buurt minus that of its gemeente: the gemeente's
 * published score, else the inhabitant-weighted mean of its areas of the same level (the plain mean
 * when an area lacks inhabitants).
 */
final class LivabilityVersusGemeente {

  /** Sums per gemeente, level and year. */
  private static final class Sums {
    double weighted;
    double weight;
    double plain;
    int count;
    boolean unweighted;
  }

  private final RunContext ctx;
  private final Map<String, Sums> sums = new HashMap<>();

  LivabilityVersusGemeente(RunContext ctx) {
    this.ctx = ctx;
  }

  void run(List<String> codes) {
    for (String code : codes) {
      forEachScore(code, (key, year, score, inhabitants) -> add(key, score, inhabitants));
    }
    for (String code : codes) {
      forEachScore(code, (key, year, score, inhabitants) -> compare(code, key, year, score));
    }
  }

  private interface ScoreVisitor {
    void visit(String key, int year, double score, Double inhabitants);
  }

  private void forEachScore(String code, ScoreVisitor visitor) {
    String gm = AnalysisInputs.gemeenteOf(code);
    if (gm == null || AreaCode.isGemeente(code)) {
      return;
    }
    for (Map.Entry<Integer, Map<String, Double>> e : ctx.in.area(code).entrySet()) {
      Double score = e.getValue().get("lbm_score");
      if (score != null) {
        String key = gm + "|" + code.substring(0, 2) + "|" + e.getKey();
        visitor.visit(key, e.getKey(), score, e.getValue().get("inhabitants"));
      }
    }
  }

  private void add(String key, double score, Double inhabitants) {
    Sums s = sums.computeIfAbsent(key, k -> new Sums());
    double w = inhabitants == null || inhabitants <= 0 ? 1.0 : inhabitants;
    s.unweighted |= inhabitants == null || inhabitants <= 0;
    s.weighted += w * score;
    s.weight += w;
    s.plain += score;
    s.count++;
  }

  private void compare(String code, String key, int year, double score) {
    String gm = AnalysisInputs.gemeenteOf(code);
    Double published = ctx.in.get(gm, year, "lbm_score");
    double mean;
    Text how;
    if (published != null) {
      mean = published;
      how = Text.msg("analysis.lbm.vsGemeente.published");
    } else {
      Sums s = sums.get(key);
      if (s.count < 2) {
        return;
      }
      mean = s.unweighted ? s.plain / s.count : s.weighted / s.weight;
      how =
          Text.msg(
              s.unweighted ? "analysis.lbm.vsGemeente.mean" : "analysis.lbm.vsGemeente.weighted",
              "n",
              s.count,
              "level",
              AreaCode.isBuurt(code) ? "buurten" : "wijken");
    }
    double d = score - mean;
    ctx.ok(
        code,
        year,
        AnalysisEngine.LBM_VS_GEMEENTE,
        d,
        Text.msg(
            "analysis.lbm.vsGemeente",
            "score",
            Text.num(score, 3),
            "mean",
            Text.num(mean, 3),
            "gemeente",
            ctx.name(gm),
            "how",
            how,
            "d",
            Text.signed(d, 3)));
  }
}
