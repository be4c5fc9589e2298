package nl.veerkracht.web;

import jakarta.servlet.MultipartConfigElement;
import java.time.Duration;
import java.util.Locale;
import nl.veerkracht.VeerkrachtProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Locale (Dutch by default, {@code ?lang=en} switches and is remembered) and upload limits. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

  public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  @Bean
  public LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("veerkracht-lang");
    resolver.setDefaultLocale(DUTCH);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(request -> DUTCH);
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }

  /** Uploads above the import limit are refused while they arrive, with a clear message. */
  @Bean
  public MultipartConfigElement multipartConfigElement(VeerkrachtProperties properties) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    long max = properties.imports().maxUploadBytes();
    factory.setMaxFileSize(DataSize.ofBytes(max));
    factory.setMaxRequestSize(DataSize.ofBytes(max + 1024 * 1024));
    factory.setFileSizeThreshold(DataSize.ofMegabytes(2));
    return factory.createMultipartConfig();
  }
}
