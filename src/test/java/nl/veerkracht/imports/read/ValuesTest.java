package nl.veerkracht.imports.read;

import static org.assertj.core.api.Assertions.assertThat;

import nl.veerkracht.statistics.domain.ObservationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(
      delimiter = '|',
      value = {"2,1|2.1", "862965|862965", "-3.5|-3.5", "1.234,5|1234.5", "1e3|1000", "  42 |42"})
  void readsNumbersWithDecimalCommaOrPoint(String raw, double expected) {
    ParsedValue v = Values.parse(raw).orElseThrow();
    assertThat(v.status()).isEqualTo(ObservationStatus.OK);
    assertThat(v.value()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        ".|MISSING",
        "         .|MISSING",
        "NA|MISSING",
        "#N/A|MISSING",
        "x|SECRET",
        "-99997|SECRET",
        "-99995|MISSING",
        "-99999999|MISSING",
        "-|MISSING"
      })
  void missingAndSecretAreNeverZero(String raw, ObservationStatus status) {
    ParsedValue v = Values.parse(raw).orElseThrow();
    assertThat(v.status()).isEqualTo(status);
    assertThat(v.value()).isNull();
    assertThat(v.reason()).isNotBlank();
  }

  @Test
  void emptyIsMissing() {
    assertThat(Values.parse("").orElseThrow().status()).isEqualTo(ObservationStatus.MISSING);
    assertThat(Values.parse(null).orElseThrow().status()).isEqualTo(ObservationStatus.MISSING);
  }

  @Test
  void textIsNotANumber() {
    assertThat(Values.parse("veel")).isEmpty();
    assertThat(Values.parse("12abc")).isEmpty();
  }

  @Test
  void findsTheSingleYearInAFileName() {
    assertThat(Values.yearInFileName("kwb2019_amsterdam_gm_wk_bu.csv")).contains(2019);
    assertThat(Values.yearInFileName("kwb2024_85984NED_gm_wk_core.json")).contains(2024);
    assertThat(Values.yearInFileName("lbm2_wijk_klassen_2002_2016.csv")).isEmpty();
    assertThat(Values.yearInFileName("buurten.csv")).isEmpty();
  }
}
