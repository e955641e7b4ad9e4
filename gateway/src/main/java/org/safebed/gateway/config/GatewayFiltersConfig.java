package org.safebed.gateway.config;

import org.safebed.gateway.ratelimit.RateLimitFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Web filters that need the authenticated user, so they run after Spring Security (-100). */
@Configuration(proxyBeanMethods = false)
class GatewayFiltersConfig {

  @Bean
  @Order(0)
  RateLimitFilter rateLimitFilter(GatewayProperties properties) {
    return RateLimitFilter.of(properties);
  }
}
