package nl.veerkracht.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.common.Text;

/**
 * The point of a complex profile in a few plain sentences: where it lies, the livability class and
 * veerkracht signal of its buurten by name, whether that is an attention area, and how many tenants
 * moved out lately. Written from the profile as already filtered for its audience, so a resident's
 * sentences hold no number the resident view leaves out.
 */
final class ComplexStory {

  private ComplexStory() {}

  static List<Text> of(ComplexProfile p) {
    List<Text> out = new ArrayList<>();
    String buurten =
        p.buurten().stream()
            .filter(b -> b.code() != null)
            .map(b -> b.name() == null ? b.code() : b.name())
            .collect(Collectors.joining(", "));
    String name = p.complex().name();
    Integer units = p.complex().units();
    if (buurten.isEmpty()) {
      out.add(Text.msg("story.complex.nowhere", "name", name));
    } else if (units == null) {
      out.add(Text.msg("story.complex.where", "name", name, "buurten", buurten));
    } else {
      out.add(
          Text.msg(
              "story.complex.whereUnits",
              "name",
              name,
              "units",
              Text.grouped(units, 0),
              "buurten",
              buurten));
    }
    Double cls = value(p, AnalysisEngine.LBM_CLASS);
    if (cls != null) {
      int c = (int) Math.round(cls);
      out.add(Text.msg("story.complex.lbm", "class", c, "label", Bands.lbmLabel(c)));
    }
    Double signal = value(p, AnalysisEngine.SIGNAL);
    if (signal != null) {
      out.add(Text.msg("story.complex.signal", "label", Text.msg("signal." + Math.round(signal))));
    }
    Double attention = value(p, AnalysisEngine.ATTENTION);
    if (attention != null && attention == 1.0) {
      out.add(Text.msg("story.complex.attention"));
    }
    p.turnover().stream()
        .filter(t -> t.ratePct() != null)
        .reduce((a, b) -> b)
        .ifPresent(
            t ->
                out.add(
                    Text.msg(
                        "story.complex.turnover",
                        "year",
                        t.year(),
                        "pct",
                        Text.num(t.ratePct(), 1))));
    return out;
  }

  private static Double value(ComplexProfile p, String id) {
    ComplexProfile.FigureView f = p.indicators().get(id);
    return f == null ? null : f.value();
  }
}
