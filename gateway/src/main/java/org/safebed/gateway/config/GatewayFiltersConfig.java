package org.safebed.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.safebed.gateway.console.ConsoleFormCsrf;
import org.safebed.gateway.console.ConsoleRelay;
import org.safebed.gateway.console.SessionTokenRelay;
import org.safebed.gateway.ratelimit.AnonymousRateLimitFilter;
import org.safebed.gateway.ratelimit.RateLimitFilter;
import org.safebed.gateway.ratelimit.RateLimitedRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;

/**
 * The rate limits and the console's token relay. The user's limit and the relay need the
 * authenticated user, so they run after Spring Security (-100); the limit of unauthenticated
 * traffic runs before it, so that refused requests cost no token validation.
 */
@Configuration(proxyBeanMethods = false)
class GatewayFiltersConfig {

  /** Around both limits, so that it sees every request they refuse. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 3)
  RateLimitedRequests rateLimitedRequests(MeterRegistry registry) {
    return new RateLimitedRequests(registry);
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 4)
  AnonymousRateLimitFilter anonymousRateLimitFilter(GatewayProperties properties,
      @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
    return AnonymousRateLimitFilter.of(properties, sessionCookie);
  }

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

  /**
   * Before Spring Security's filters (order -100): a console form sent without script gets its
   * {@code _csrf} field checked like the script's header.
   */
  @Bean
  @Order(-150)
  ConsoleFormCsrf consoleFormCsrf() {
    return new ConsoleFormCsrf();
  }

  /** The session's CSRF token and chosen language, for the web console only. */
  @Bean
  @Order(2)
  ConsoleRelay consoleRelay() {
    return new ConsoleRelay();
  }
}
