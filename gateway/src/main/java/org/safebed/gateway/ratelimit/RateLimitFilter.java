package org.safebed.gateway.ratelimit;

import java.time.Duration;
import org.safebed.gateway.config.GatewayProperties;
import org.safebed.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits each authenticated user ({@code sub} of her bearer token or of her console sign-in, one
 * budget for both) to the configured rate; runs after the security filter chain, which has already
 * refused requests without a valid token or session.
 */
public final class RateLimitFilter implements WebFilter {

  private final UserRateLimiter limiter;

  public RateLimitFilter(UserRateLimiter limiter) {
    this.limiter = limiter;
  }

  public static RateLimitFilter of(GatewayProperties properties) {
    return new RateLimitFilter(new UserRateLimiter(properties.rateLimit(), System::nanoTime));
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return exchange.getPrincipal()
        .filter(principal -> principal instanceof JwtAuthenticationToken
            || principal instanceof OAuth2AuthenticationToken)
        .map(principal -> limiter.tryAcquire(principal.getName()))
        .defaultIfEmpty(Duration.ZERO)
        .flatMap(wait -> wait.isZero() ? chain.filter(exchange) : tooManyRequests(exchange, wait));
  }

  private static Mono<Void> tooManyRequests(ServerWebExchange exchange, Duration wait) {
    RateLimitedRequests.mark(exchange, RateLimitedRequests.Limit.ACCOUNT);
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return Problems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
        "Too many requests from this account. Retry after the time in Retry-After.");
  }
}
