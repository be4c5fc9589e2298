package nl.veerkracht.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.veerkracht.analysis.domain.AnalysisSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings as an operator writes them in application.properties or the environment. */
class AnalysisConfigurationTest {

  static AnalysisSettings bind(Map<String, String> properties) {
    return AnalysisConfiguration.bind(new Binder(new MapConfigurationPropertySource(properties)));
  }

  @Test
  void nothingConfiguredGivesTheDocumentedDefaults() {
    AnalysisSettings s = bind(Map.of());
    assertThat(s).isEqualTo(AnalysisSettings.defaults());
    assertThat(s.vulnerabilityRise()).isEqualTo(2.0);
    assertThat(s.vulnerabilityWeights()).containsEntry("pct_youth_care", 0.5);
    assertThat(s.attention().minRules()).isEqualTo(2);
  }

  @Test
  void propertiesOverrideOneByOne() {
    AnalysisSettings s =
        bind(
            Map.of(
                "veerkracht.analysis.vulnerability-rise", "0.5",
                "veerkracht.analysis.vulnerability-weights[social_assistance_per_1000]", "0",
                "veerkracht.analysis.share-bands", "25,75",
                "veerkracht.analysis.lbm-national-mean[2020]", "4.1",
                "veerkracht.analysis.attention.min-rules", "1",
                "veerkracht.analysis.reference", "nl"));
    assertThat(s.vulnerabilityRise()).isEqualTo(0.5);
    assertThat(s.vulnerabilityWeights())
        .containsEntry("social_assistance_per_1000", 0.0)
        .containsEntry("pct_low_income_households", 1.0);
    assertThat(s.shareBands()).containsExactly(25.0, 75.0);
    assertThat(s.lbmNationalMean()).containsEntry(2020, 4.1);
    assertThat(s.attention().minRules()).isEqualTo(1);
    assertThat(s.attention().maxLbmClass()).isEqualTo(4);
    assertThat(s.reference()).isEqualTo("nl");
  }
}
