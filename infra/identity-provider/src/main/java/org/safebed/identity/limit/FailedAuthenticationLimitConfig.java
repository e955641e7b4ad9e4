package org.safebed.identity.limit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The limit of failed client authentications ({@code safebed.identity.failed-authentication}). */
@Configuration(proxyBeanMethods = false)
class FailedAuthenticationLimitConfig {

  /** Before Spring Security's filters, which check the secret. */
  @Bean
  FilterRegistrationBean<ClientAuthenticationGuard> clientAuthenticationGuard(FailedAuthenticationLimit limit) {
    FilterRegistrationBean<ClientAuthenticationGuard> registration = new FilterRegistrationBean<>(
        new ClientAuthenticationGuard(limit,
            new FailedAuthentications(limit.window(), limit.maxTracked(), System::nanoTime)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
