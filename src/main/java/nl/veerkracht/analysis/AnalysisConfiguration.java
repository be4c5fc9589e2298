package nl.veerkracht.analysis;

import nl.veerkracht.analysis.domain.AnalysisSettings;
import nl.veerkracht.analysis.domain.InvalidSettingException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
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

  /**
   * Binds the settings.
   *
   * @throws InvalidSettingException naming the key, the value and what is allowed, for a value that
   *     is not allowed or cannot be read
   */
  static AnalysisSettings bind(Binder binder) {
    try {
      return binder.bind(PREFIX, AnalysisSettings.class).orElseGet(AnalysisSettings::defaults);
    } catch (BindException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof InvalidSettingException invalid) {
          throw invalid;
        }
      }
      ConfigurationProperty p = e.getProperty();
      throw new InvalidSettingException(
          p == null ? e.getName().toString() : p.getName().toString(),
          p == null ? "?" : p.getValue(),
          "a value of the documented kind (see /methode and docs/method.md)");
    }
  }
}
