package nl.veerkracht.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link StaffScopeFilter} after Spring Security's filters (which run at -100). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class StaffScopeConfiguration {

  @Bean
  public FilterRegistrationBean<StaffScopeFilter> staffScopeFilter(CurrentUser currentUser) {
    FilterRegistrationBean<StaffScopeFilter> registration =
        new FilterRegistrationBean<>(new StaffScopeFilter(currentUser));
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }
}
