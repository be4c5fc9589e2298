package nl.veerkracht.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.veerkracht.analysis.domain.AnalysisSettings;
import nl.veerkracht.analysis.domain.InvalidSettingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Settings that make no sense stop the start with the key, the value and what is allowed; the
 * closed choices are enums.
 */
class AnalysisSettingsValidationTest {

  static AnalysisSettings bind(String key, String value) {
    return AnalysisConfiguration.bind(
        new Binder(
            new MapConfigurationPropertySource(Map.of("veerkracht.analysis." + key, value))));
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "lbm-class-limits|1,2,3|eight ascending limits",
        "lbm-class-limits|0.1,-0.1,0.2,0.3,0.4,0.5,0.6,0.7|eight ascending limits",
        "share-bands|70,30|two ascending percentages",
        "share-bands|10,120|two ascending percentages",
        "reference|wijk|one of gemeente, nl",
        "onv-basis|sometimes|one of absolute, relative",
        "window-years|0|1 to 50 years",
        "min-span-years|20|1 to window-years",
        "attention.max-lbm-class|10|a class from 1 to 9",
        "attention.min-rules|5|1 to 4 rules",
        "vulnerability-weights[pct_youth_care]|-1|a weight of 0 or more",
        "vulnerability-rise|veel|a value of the documented kind",
      })
  void nonsenseIsRefusedNamingKeyValueAndWhatIsAllowed(String key, String value, String allowed) {
    assertThatThrownBy(() -> bind(key, value))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("veerkracht.analysis.")
        .hasMessageContaining(allowed);
  }

  @ParameterizedTest(name = "{0}={1} names the key")
  @CsvSource(
      delimiter = '|',
      value = {"lbm-class-limits|1,2,3", "reference|wijk"})
  void theMessageNamesTheKeyAndTheValue(String key, String value) {
    assertThatThrownBy(() -> bind(key, value))
        .hasMessageContaining("veerkracht.analysis." + key)
        .hasMessageContaining(value);
  }

  @ParameterizedTest(name = "reference={0} is {1}")
  @CsvSource({"gemeente, GEMEENTE", "NL, NL", "Nl, NL"})
  void closedChoicesAreEnums(String value, AnalysisSettings.Reference expected) {
    assertThat(bind("reference", value).referenceKind()).isEqualTo(expected);
  }
}
