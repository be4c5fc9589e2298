package nl.veerkracht.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.domain.Observation;

/**
 * The point of an area profile in three to five plain sentences, before any table: its
 * Leefbaarometer class by name, how it compares with its gemeente, what changed, the veerkracht
 * signal by name and whether it is an attention area. Public figures only, so the same sentences
 * serve staff and residents.
 */
final class AreaStory {

  /** Differences of the Leefbaarometer deviation smaller than this count as "about the same". */
  static final double SAME = 0.02;

  private AreaStory() {}

  /**
   * @param name the area's name
   * @param gemeente the name of its gemeente, or null for a gemeente itself
   * @param derived the newest derived figures of the area, by indicator
   * @param lowIncome the share of households with a low income of the area and its gemeente, when
   *     both are known
   */
  static List<Text> of(
      String name, String gemeente, Map<String, Observation> derived, double[] lowIncome) {
    List<Text> out = new ArrayList<>();
    Double cls = value(derived, AnalysisEngine.LBM_CLASS);
    if (cls != null) {
      int c = (int) Math.round(cls);
      out.add(
          Text.msg(
              "story.lbm",
              "name",
              name,
              "class",
              c,
              "label",
              Bands.lbmLabel(c),
              "year",
              derived.get(AnalysisEngine.LBM_CLASS).year()));
    } else {
      out.add(Text.msg("story.lbm.none", "name", name));
    }
    Double vs = value(derived, AnalysisEngine.LBM_VS_GEMEENTE);
    if (vs != null && gemeente != null) {
      out.add(Text.msg("story.vsGemeente." + direction(vs), "gemeente", gemeente));
    }
    Double change = value(derived, AnalysisEngine.LBM_CHANGE);
    if (change != null) {
      out.add(
          Text.msg(
              "story.change." + direction(change),
              "year",
              derived.get(AnalysisEngine.LBM_CHANGE).year()));
    }
    Double signal = value(derived, AnalysisEngine.SIGNAL);
    if (signal != null) {
      out.add(
          Text.msg(
              "story.signal",
              "label",
              Text.msg("signal." + Math.round(signal)),
              "year",
              derived.get(AnalysisEngine.SIGNAL).year()));
    }
    Double attention = value(derived, AnalysisEngine.ATTENTION);
    if (attention != null && attention == 1.0) {
      out.add(
          Text.msg(
              "story.attention.yes",
              "name",
              name,
              "year",
              derived.get(AnalysisEngine.ATTENTION).year()));
    } else if (attention != null) {
      out.add(Text.msg("story.attention.no", "name", name));
    }
    if (lowIncome != null && gemeente != null) {
      out.add(
          Text.msg(
              "story.lowIncome",
              "pct",
              Text.num(lowIncome[0], 1),
              "ref",
              Text.num(lowIncome[1], 1),
              "gemeente",
              gemeente));
    }
    return out;
  }

  private static String direction(double d) {
    return d > SAME ? "better" : d < -SAME ? "worse" : "same";
  }

  private static Double value(Map<String, Observation> derived, String id) {
    Observation o = derived.get(id);
    return o == null || o.value() == null ? null : o.value();
  }
}
