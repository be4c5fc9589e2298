package nl.veerkracht.analysis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Class and band limits as tables: a value on a limit belongs to the higher class. */
class BandsTest {

  static final List<Double> LIMITS = AnalysisSettings.DEFAULT_LBM_LIMITS;

  @ParameterizedTest(name = "afw {0} is class {1} ({2})")
  @CsvSource({
    "-1.0, 1, zeer onvoldoende",
    "-0.41, 2, ruim onvoldoende",
    "-0.356, 2, ruim onvoldoende",
    "-0.355, 3, onvoldoende",
    "-0.2, 4, zwak",
    "-0.165, 5, voldoende",
    "-0.103, 6, ruim voldoende",
    "0.0, 6, ruim voldoende",
    "0.010, 7, goed",
    "0.0731559, 7, goed",
    "0.090, 8, zeer goed",
    "0.168, 9, uitstekend",
    "0.5, 9, uitstekend",
  })
  void livabilityClassOfTheDeviation(double afw, int expected, String label) {
    int c = Bands.lbmClass(afw, LIMITS);
    assertThat(c).isEqualTo(expected);
    assertThat(Bands.lbmLabel(c).nl()).isEqualTo(label);
  }

  @ParameterizedTest(name = "{0} % corporation homes is band {1}")
  @CsvSource({
    "0, 1",
    "33.3, 1",
    "33.34, 2",
    "50, 2",
    "66.66, 2",
    "66.67, 3",
    "100, 3",
  })
  void shareBandWithTheDefaultThirds(double pct, int band) {
    assertThat(Bands.shareBand(pct, AnalysisSettings.defaults().shareBands())).isEqualTo(band);
  }

  @ParameterizedTest(name = "class {0} in English: {1}")
  @CsvSource({
    "1, very poor",
    "4, weak",
    "7, good",
    "9, excellent",
    "0, very poor",
    "12, excellent"
  })
  void classNamesInEnglishClampedToOneToNine(int c, String english) {
    assertThat(Bands.lbmLabel(c).en()).isEqualTo(english);
  }
}
