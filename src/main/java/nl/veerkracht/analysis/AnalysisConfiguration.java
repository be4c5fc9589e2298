package nl.veerkracht.analysis;

import nl.veerkracht.analysis.domain.AnalysisSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds {@code veerkracht.analysis.*} (application.properties, environment variables such as {@code
 * VEERKRACHT_ANALYSIS_VULNERABILITYRISE}, or {@code --veerkracht.analysis.…=} on the command line)
 * onto {@link AnalysisSettings}; what is not given keeps its documented default.
 */
@Configuration(proxyBeanMethods = false)
class AnalysisConfiguration {

  static final String PREFIX = "veerkracht.analysis";

  @Bean
  AnalysisSettings analysisSettings(Environment environment) {
    return bind(Binder.get(environment));
  }

  static AnalysisSettings bind(Binder binder) {
    return binder.bind(PREFIX, AnalysisSettings.class).orElseGet(AnalysisSettings::defaults);
  }
}
