package org.safebed.platform.web.client;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;

/**
 * The circuit breaker every service-to-service call sits behind. Take it from the application's
 * {@code CircuitBreakerRegistry} ({@code registry.circuitBreaker(name, config)}, see {@link
 * OutboundBreakersAutoConfiguration}) under a fixed name, so that its state is a metric: a name
 * already taken gives back that breaker, configuration and all.
 */
public final class OutboundBreakers {

  private OutboundBreakers() {}

  /**
   * Counted over the last calls rather than over time: calls between services are few and bursty,
   * so a time window would often hold too few of them to judge. Callers add what is theirs (which
   * exceptions are answers rather than failures, how many trial calls a half-open breaker lets by).
   */
  public static CircuitBreakerConfig.Builder countBased(
      int slidingWindowSize, int minimumCalls, float failureRateThreshold, Duration openStateWait) {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(slidingWindowSize)
        .minimumNumberOfCalls(minimumCalls)
        .failureRateThreshold(failureRateThreshold)
        .waitDurationInOpenState(openStateWait);
  }
}
