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

  /** The hand-written scanner accepts exactly what the regular expression it replaced did. */
  @org.junit.jupiter.api.Test
  void plainNumberIsTheFormerRegularExpression() {
    java.util.regex.Pattern former =
        java.util.regex.Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d+)?");
    String[] samples = {
      "0", "12", "-3", "+4", "1.5", "1,5", "1.", ",5", ".5", "-.5", "1e5", "1E-3", "2.5e+10", "e5",
      ".", ",", "+", "-", "", "1e", "1e+", "1.2.3", "1,234.5", "1.234,5", "12a", "a12", " 1", "1 ",
      "--1", "+-1", "1e5.0", "١٢", "0x10", "1_000", "∞", "NaN", "Infinity", "1d", "1f"
    };
    java.util.Random random = new java.util.Random(28);
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(samples));
    String alphabet = "0123456789+-.,eE x";
    for (int k = 0; k < 20_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(7); j >= 0; j--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      all.add(b.toString());
    }
    for (String s : all) {
      org.assertj.core.api.Assertions.assertThat(Values.plainNumber(s))
          .as("'%s'", s)
          .isEqualTo(former.matcher(s).matches());
    }
  }
}
