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

  public static final Locale DUTCH = nl.veerkracht.common.ReaderLocale.DUTCH;

  /** The cookie that keeps the language a person chose. */
  public static final String LANGUAGE_COOKIE = nl.veerkracht.common.ReaderLocale.COOKIE;

  /**
   * The language of an API answer a person reads (an error, a refusal): the one they chose (cookie
   * or {@code lang}), else the one the request asks for ({@code Accept-Language}: English for "en",
   * Dutch otherwise, as a phone in the room sends), else English, as the API always answered
   * scripts.
   */
  public static Locale readerLocale(jakarta.servlet.http.HttpServletRequest request) {
    return nl.veerkracht.common.ReaderLocale.of(request);
  }

  @Bean
  public LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
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
