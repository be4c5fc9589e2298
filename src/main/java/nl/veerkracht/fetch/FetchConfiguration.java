package nl.veerkracht.fetch;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Binds {@code veerkracht.fetch.*} onto {@link FetchSettings}, with its defaults. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

  @Bean
  FetchSettings fetchSettings(Environment environment) {
    return Binder.get(environment)
        .bind("veerkracht.fetch", FetchSettings.class)
        .orElseGet(FetchSettings::defaults);
  }
}
