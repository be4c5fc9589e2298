package nl.veerkracht.analysis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Class and band limits as tables: a Leefbaarometer value (rounded to four decimals) above a limit
 * lies in the higher class; a share above a band limit in the higher band.
 */
class BandsTest {

  static final List<Double> LIMITS = AnalysisSettings.DEFAULT_LBM_LIMITS;

  @ParameterizedTest(name = "afw {0} is class {1} ({2})")
  @CsvSource({
    "-1.0, 1, zeer onvoldoende",
    "-0.43239, 1, zeer onvoldoende",
    "-0.424216, 2, ruim onvoldoende",
    "-0.354622, 2, ruim onvoldoende",
    "-0.353036, 3, onvoldoende",
    "-0.2, 4, zwak",
    "-0.163877, 5, voldoende",
    "-0.102816, 6, ruim voldoende",
    "0.0101132, 6, ruim voldoende",
    "0.0101793, 7, goed",
    "0.0731559, 7, goed",
    "0.0895155, 7, goed",
    "0.089575, 8, zeer goed",
    "0.16794, 8, zeer goed",
    "0.167982, 9, uitstekend",
    "0.5, 9, uitstekend",
  })
  void livabilityClassOfTheDeviation(double afw, int expected, String label) {
    int c = Bands.lbmClass(afw, LIMITS);
    assertThat(c).isEqualTo(expected);
    assertThat(Bands.lbmLabel(c).nl()).isEqualTo(label);
  }

  @ParameterizedTest(name = "dimension score {0} is class {1}")
  @CsvSource({
    "-0.3, 1",
    "-0.2352, 1",
    "-0.2351, 2",
    "-0.1, 3",
    "-0.0784, 3",
    "-0.0392, 4",
    "-0.039185, 5",
    "0.0, 5",
    "0.0392, 5",
    "0.039203, 6",
    "0.1568, 7",
    "0.2353, 9",
  })
  void dimensionClassesAreSymmetricAroundClassFive(double score, int expected) {
    assertThat(Bands.lbmClass(score, AnalysisSettings.defaults().dimensionClassLimits()))
        .isEqualTo(expected);
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
