package nl.veerkracht.analysis.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;

/**
 * The change of the Leefbaarometer nuisance-and-insecurity dimension per area (3.x {@code onv},
 * else the published 2.0 change of safety, else the 2.0 safety score of two years), and the same
 * change for each gemeente: its own figure, else the household-weighted mean of its areas.
 */
final class NuisanceChanges {

  /** A change of the nuisance-and-insecurity score with where it came from. */
  record OnvChange(
      double value, int fromYear, int toYear, String source, String level, String ownerCode) {}

  private static final String LBM2_CHANGE_PREFIX = "lbm2_change_vei_since_";

  private final RunContext ctx;
  private final Map<String, OnvChange> own = new HashMap<>();
  private final Map<String, Double> gemeente = new HashMap<>();

  NuisanceChanges(RunContext ctx) {
    this.ctx = ctx;
  }

  /** Finds the area's own change (call for every area before {@link #computeGemeenten()}). */
  void findOwn(String code) {
    TreeMap<Integer, Map<String, Double>> byYear = ctx.in.area(code);
    OnvChange c = pairChange(code, byYear, "lbm_onv", "lbm3");
    if (c == null) {
      c = publishedLbm2Change(code, byYear);
    }
    if (c == null) {
      c = pairChange(code, byYear, "lbm2_vei", "lbm2");
    }
    if (c != null) {
      own.put(code, c);
    }
  }

  private OnvChange pairChange(
      String code, TreeMap<Integer, Map<String, Double>> byYear, String id, String source) {
    TreeSet<Integer> years = new TreeSet<>();
    byYear.forEach(
        (y, v) -> {
          if (v.containsKey(id)) {
            years.add(y);
          }
        });
    if (years.size() < 2) {
      return null;
    }
    int b = years.last();
    for (int a : years) {
      if (a < b && b - a <= ctx.settings.windowYears()) {
        double d = byYear.get(b).get(id) - byYear.get(a).get(id);
        return new OnvChange(d, a, b, source, code.substring(0, 2), code);
      }
    }
    return null;
  }

  private OnvChange publishedLbm2Change(String code, TreeMap<Integer, Map<String, Double>> byYear) {
    OnvChange best = null;
    for (Map.Entry<Integer, Map<String, Double>> e : byYear.entrySet()) {
      int b = e.getKey();
      for (Map.Entry<String, Double> v : e.getValue().entrySet()) {
        Integer a = sinceYear(v.getKey());
        if (a == null || a >= b || b - a > ctx.settings.windowYears()) {
          continue;
        }
        if (best == null || b > best.toYear() || (b == best.toYear() && a < best.fromYear())) {
          best = new OnvChange(v.getValue(), a, b, "lbm2", code.substring(0, 2), code);
        }
      }
    }
    return best;
  }

  private static Integer sinceYear(String indicator) {
    if (!indicator.startsWith(LBM2_CHANGE_PREFIX)) {
      return null;
    }
    try {
      return Integer.parseInt(indicator.substring(LBM2_CHANGE_PREFIX.length()));
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  private static String groupKey(String gemeente, OnvChange c) {
    return gemeente + "|" + c.level() + "|" + c.source() + "|" + c.fromYear() + "|" + c.toYear();
  }

  /** The gemeente's change for each source and period: its own, else the mean of its areas. */
  void computeGemeenten() {
    Map<String, double[]> sums = new HashMap<>();
    Map<String, Boolean> plain = new HashMap<>();
    own.forEach(
        (code, c) -> {
          String gm = AnalysisInputs.gemeenteOf(code);
          if (gm == null || AreaCode.isGemeente(code)) {
            return;
          }
          String key = groupKey(gm, c);
          Integer hy = ctx.in.latestYear(code, "households", c.toYear());
          Double w = hy == null ? null : ctx.in.get(code, hy, "households");
          if (w == null || w <= 0) {
            plain.put(key, true);
            w = 1.0;
          }
          double[] acc = sums.computeIfAbsent(key, k -> new double[4]);
          acc[0] += w * c.value();
          acc[1] += w;
          acc[2] += c.value();
          acc[3] += 1;
        });
    sums.forEach(
        (key, acc) ->
            gemeente.put(key, plain.containsKey(key) ? acc[2] / acc[3] : acc[0] / acc[1]));
    own.forEach(
        (code, c) -> {
          if (AreaCode.isGemeente(code)) {
            for (String level : List.of("WK", "BU")) {
              gemeente.put(
                  code + "|" + level + "|" + c.source() + "|" + c.fromYear() + "|" + c.toYear(),
                  c.value());
            }
          }
        });
  }

  /** The change that applies to an area: its own, or for a buurt that of its wijk. */
  OnvChange forArea(String code) {
    OnvChange c = own.get(code);
    if (c != null) {
      return c;
    }
    String wijk = AnalysisInputs.wijkOf(code);
    return wijk == null ? null : own.get(wijk);
  }

  /** The gemeente's change for the same source and period, or null. */
  Double gemeenteChange(String code, OnvChange c) {
    String gm = AnalysisInputs.gemeenteOf(code);
    return gemeente.get(groupKey(gm == null ? "" : gm, c));
  }

  /** The area's change, or its change minus the gemeente's when the settings ask for that. */
  Double basisValue(String code, OnvChange c) {
    if (ctx.settings.onvBasisKind() != AnalysisSettings.OnvBasis.RELATIVE) {
      return c.value();
    }
    Double gm = gemeenteChange(code, c);
    return gm == null ? null : c.value() - gm;
  }

  Text sourceText(String code, OnvChange c) {
    Text of =
        c.ownerCode().equals(code)
            ? Text.plain("")
            : Text.msg("analysis.onv.ofWijk", "wijk", ctx.name(c.ownerCode()));
    return Text.msg("analysis.onv.source." + c.source(), "from", c.fromYear(), "to", c.toYear())
        .plus(of);
  }
}
