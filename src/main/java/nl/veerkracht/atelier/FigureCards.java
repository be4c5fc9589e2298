package nl.veerkracht.atelier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.ObservationRepository;
import nl.veerkracht.statistics.domain.Observation;
import org.springframework.stereotype.Service;

/**
 * The figure cards an atelier reads together: per card its title, one sentence of meaning, and the
 * value of each area of the atelier with its year and source, next to its gemeente. Public figures
 * only (CBS, Leefbaarometer and what Veerkracht derives from them), so the same cards serve
 * partners, staff and residents; for residents an area with fewer than 10 households shows no
 * value.
 */
@Service
public class FigureCards {

  /** The cards an atelier shows unless the facilitator chooses fewer. */
  public static final List<String> ALL =
      List.of(
          AnalysisEngine.LBM_CLASS,
          AnalysisEngine.SIGNAL,
          "pct_corporation_rent",
          AnalysisEngine.VULNERABILITY,
          AnalysisEngine.ATTENTION);

  static final int MIN_HOUSEHOLDS = 10;

  /** One area's value on a card; {@code value} is null when unknown or withheld. */
  public record Value(String code, String name, Text value, Integer year) {}

  public record Card(
      String id, Text title, Text meaning, String source, List<Value> values, Value gemeente) {}

  private final ObservationRepository observations;
  private final AreaRepository areas;

  public FigureCards(ObservationRepository observations, AreaRepository areas) {
    this.observations = observations;
    this.areas = areas;
  }

  public List<Card> cards(Atelier atelier) {
    return cards(atelier.areaCodes(), atelier.cards(), atelier.residents());
  }

  /**
   * The cards {@code ids} for these areas, with the gemeente of the first for comparison; with
   * {@code residents} an area of fewer than 10 households shows no value.
   */
  public List<Card> cards(List<String> codes, List<String> ids, boolean residents) {
    Set<String> all = new LinkedHashSet<>(codes);
    String gemeente = codes.isEmpty() ? null : AreaCode.gemeenteOf(codes.get(0));
    if (gemeente != null) {
      all.add(gemeente);
    }
    Map<String, String> names = areas.names(all);
    Map<String, Observation> households = observations.newestUpTo("households", 9999, all);
    List<Card> out = new ArrayList<>();
    for (String id : ids) {
      Map<String, Observation> v = observations.newestUpTo(id, 9999, all);
      List<Value> values = new ArrayList<>();
      String source = null;
      for (String code : codes) {
        Value value = value(id, code, names, v, households, residents);
        values.add(value);
        Observation o = v.get(code);
        if (source == null && o != null && o.attribution() != null) {
          source = o.attribution();
        }
      }
      // the gemeente of the same year as the first area's value, or no comparison at all
      Integer year =
          values.isEmpty() || values.get(0).value() == null ? null : values.get(0).year();
      Value ref = null;
      if (gemeente != null && !codes.contains(gemeente)) {
        Map<String, Observation> same =
            year == null ? Map.of() : observations.newestUpTo(id, year, List.of(gemeente));
        Observation g = same.get(gemeente);
        ref =
            g != null && g.value() != null && g.year() == year
                ? value(id, gemeente, names, same, households, residents)
                : new Value(gemeente, names.getOrDefault(gemeente, gemeente), null, null);
      }
      out.add(
          new Card(
              id,
              Text.msg("atelier.card." + id + ".title"),
              Text.msg("atelier.card." + id + ".meaning"),
              source,
              values,
              ref));
    }
    return out;
  }

  /**
   * Per map layer of the atelier, per area: the value and its label in {@code locale}, under the
   * same rules as the cards (residents see nothing for an area of fewer than 10 households).
   */
  public Map<String, Map<String, LayerValue>> layers(Atelier atelier, java.util.Locale locale) {
    Set<String> codes = new LinkedHashSet<>(atelier.areaCodes());
    Map<String, Observation> households = observations.newestUpTo("households", 9999, codes);
    Map<String, Map<String, LayerValue>> out = new java.util.LinkedHashMap<>();
    for (String layer : atelier.layers()) {
      Map<String, Observation> v = observations.newestUpTo(layer, 9999, codes);
      Map<String, LayerValue> perArea = new java.util.LinkedHashMap<>();
      for (String code : codes) {
        Value shown = value(layer, code, Map.of(), v, households, atelier.residents());
        if (shown.value() != null) {
          perArea.put(
              code, new LayerValue(v.get(code).value(), shown.value().in(locale), shown.year()));
        }
      }
      out.put(layer, perArea);
    }
    return out;
  }

  /** An area's value on a map layer, its label and year. */
  public record LayerValue(double value, String label, Integer year) {}

  private static Value value(
      String id,
      String code,
      Map<String, String> names,
      Map<String, Observation> v,
      Map<String, Observation> households,
      boolean residents) {
    String name = names.getOrDefault(code, code);
    Observation o = v.get(code);
    if (o == null || o.value() == null) {
      return new Value(code, name, null, o == null ? null : o.year());
    }
    Observation h = households.get(code);
    if (residents && h != null && h.value() != null && h.value() < MIN_HOUSEHOLDS) {
      return new Value(code, name, null, null);
    }
    return new Value(code, name, format(id, o.value()), o.year());
  }

  static Text format(String id, double v) {
    return switch (id) {
      case AnalysisEngine.LBM_CLASS -> Bands.lbmLabel((int) Math.round(v));
      case AnalysisEngine.SIGNAL -> Text.msg("signal." + Math.round(v));
      case AnalysisEngine.ATTENTION ->
          Text.msg(v >= 1 ? "atelier.card.attention.yes" : "atelier.card.attention.no");
      case "pct_corporation_rent" -> Text.of(Text.nl(v, 0) + " %", Text.en(v, 0) + "%");
      default -> Text.of(Text.nl(v, 0), Text.en(v, 0));
    };
  }
}
