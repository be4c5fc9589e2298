package nl.veerkracht.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import nl.veerkracht.statistics.domain.Observation;
import nl.veerkracht.statistics.domain.ObservationStatus;
import org.junit.jupiter.api.Test;

/** A Leefbaarometer dimension score is said in words: its class, or its side of the Dutch mean. */
class DimensionWordsTest {

  static Observation of(String id, int year, double value) {
    return new Observation(
        "BU03080004", year, id, value, ObservationStatus.OK, null, "LBM", null, null, null);
  }

  @Test
  void aScoreWithAClassOfTheSameMeasurementIsSaidByItsClassName() {
    Observation score = of("lbm_onv", 2024, 0.079);
    List<Observation> classes = List.of(of("lbm_onv_class", 2024, 7));
    assertThat(LeefbaarometerCharts.words(score, classes, "lbm_onv_class").in(new Locale("nl")))
        .isEqualTo("klasse 7: goed");
    assertThat(LeefbaarometerCharts.words(score, classes, "lbm_onv_class").in(Locale.ENGLISH))
        .startsWith("class 7: ");
  }

  @Test
  void withoutAClassOfThatYearOnlyTheSideOfTheMeanIsSaid() {
    List<Observation> olderClass = List.of(of("lbm_onv_class", 2020, 7));
    assertThat(
            LeefbaarometerCharts.words(of("lbm_onv", 2024, 0.079), olderClass, "lbm_onv_class")
                .in(new Locale("nl")))
        .isEqualTo("gunstiger dan het Nederlandse gemiddelde");
    assertThat(
            LeefbaarometerCharts.words(of("lbm_onv", 2024, -0.02), List.of(), "lbm_onv_class")
                .in(new Locale("nl")))
        .isEqualTo("ongunstiger dan het Nederlandse gemiddelde");
  }
}
