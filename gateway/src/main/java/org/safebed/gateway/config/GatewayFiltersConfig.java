package org.safebed.gateway.config;

import org.safebed.gateway.console.SessionTokenRelay;
import org.safebed.gateway.ratelimit.RateLimitFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;

/** Web filters that need the authenticated user, so they run after Spring Security (-100). */
@Configuration(proxyBeanMethods = false)
class GatewayFiltersConfig {

  @Bean
  @Order(0)
  RateLimitFilter rateLimitFilter(GatewayProperties properties) {
    return RateLimitFilter.of(properties);
  }

  /** After the rate limit: a refused request must not cost a token refresh. */
  @Bean
  @Order(1)
  SessionTokenRelay sessionTokenRelay(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
    return new SessionTokenRelay(authorizedClients);
  }
}
