package nl.veerkracht.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.ObservationRepository;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.Observation;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The data of an area's Leefbaarometer charts (trend over the years, dimensions), as JSON. */
@Service
public class LeefbaarometerCharts {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ObservationRepository observations;
  private final StatisticsCatalogue catalogue;

  public LeefbaarometerCharts(ObservationRepository observations, StatisticsCatalogue catalogue) {
    this.observations = observations;
    this.catalogue = catalogue;
  }

  /** The deviation (3.x) or the 2.0 total score over the years; empty without two years. */
  String trend(String code, Locale locale) {
    for (String id : List.of("lbm_afw", "lbm_score", "lbm2_score_dev")) {
      List<Observation> series =
          observations.series(code, id).stream().filter(o -> o.value() != null).toList();
      if (series.size() >= 2) {
        Indicator i = catalogue.find(id).orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", i == null ? id : i.label(locale));
        out.put("source", series.get(series.size() - 1).source());
        out.put("years", series.stream().map(Observation::year).toList());
        out.put("values", series.stream().map(Observation::value).toList());
        return JSON.writeValueAsString(out);
      }
    }
    return "";
  }

  /** The newest Leefbaarometer dimensions up to the year; empty with fewer than three. */
  String dimensions(String code, int year, Locale locale) {
    for (List<String> ids :
        List.of(
            List.of("lbm_won", "lbm_fys", "lbm_vrz", "lbm_soc", "lbm_onv"),
            List.of("lbm2_won", "lbm2_bev", "lbm2_vrz", "lbm2_vei", "lbm2_fys"))) {
      List<Observation> found = observations.latestUpTo(code, year, ids);
      if (found.size() >= 3) {
        // Leefbaarometer 3 publishes a class (1-9) per dimension: a score is said in its words
        List<Observation> classes =
            observations.latestUpTo(code, year, ids.stream().map(id -> id + "_class").toList());
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String id : ids) {
          found.stream()
              .filter(o -> o.indicatorId().equals(id) && o.value() != null)
              .findFirst()
              .ifPresent(
                  o -> {
                    labels.add(catalogue.find(id).map(i -> i.label(locale)).orElse(id));
                    values.add(o.value());
                    words.add(words(o, classes, id + "_class").in(locale));
                  });
        }
        out.put("labels", labels);
        out.put("values", values);
        out.put("words", words);
        out.put("year", found.stream().mapToInt(Observation::year).max().orElse(year));
        out.put("source", found.get(0).source());
        return JSON.writeValueAsString(out);
      }
    }
    return "";
  }

  /**
   * A dimension score in words: its class of the same measurement where one is published ("klasse
   * 6: ruim voldoende"), otherwise only which side of the Dutch mean it lies on.
   */
  static Text words(Observation score, List<Observation> classes, String classId) {
    Optional<Observation> c =
        classes.stream()
            .filter(
                o ->
                    o.indicatorId().equals(classId)
                        && o.year() == score.year()
                        && o.value() != null)
            .findFirst();
    if (c.isPresent()) {
      int k = (int) Math.round(c.get().value());
      return Text.msg("profile.dimension.class", "class", k, "name", Bands.lbmLabel(k));
    }
    return Text.msg(
        score.value() > 0
            ? "profile.dimension.above"
            : score.value() < 0 ? "profile.dimension.below" : "profile.dimension.equal");
  }
}
