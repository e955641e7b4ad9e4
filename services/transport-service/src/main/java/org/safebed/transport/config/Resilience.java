package org.safebed.transport.config;

import java.time.Duration;

/**
 * Resilience4j settings of one outbound dependency.
 *
 * @param timeout time limit of one attempt (the caller never waits longer per attempt)
 * @param retryAttempts attempts in all, 1 = no retry; only transient failures are retried
 * @param retryBackoff wait before the first retry, doubled for each further one
 * @param failureRateThreshold percentage of failed calls that opens the breaker
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumCalls calls needed before the breaker may open
 * @param openStateWait how long an open breaker refuses calls before letting trial calls through
 * @param halfOpenCalls trial calls that decide whether to close the breaker again
 */
public record Resilience(
    Duration timeout,
    Integer retryAttempts,
    Duration retryBackoff,
    Float failureRateThreshold,
    Integer slidingWindowSize,
    Integer minimumCalls,
    Duration openStateWait,
    Integer halfOpenCalls) {

  public Resilience {
    timeout = timeout == null ? Duration.ofSeconds(1) : timeout;
    retryAttempts = retryAttempts == null ? 2 : retryAttempts;
    retryBackoff = retryBackoff == null ? Duration.ofMillis(100) : retryBackoff;
    failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
    slidingWindowSize = slidingWindowSize == null ? 10 : slidingWindowSize;
    minimumCalls = minimumCalls == null ? 4 : minimumCalls;
    openStateWait = openStateWait == null ? Duration.ofSeconds(30) : openStateWait;
    halfOpenCalls = halfOpenCalls == null ? 2 : halfOpenCalls;
  }

  public static Resilience defaults() {
    return new Resilience(null, null, null, null, null, null, null, null);
  }

  /** The same settings with a single attempt: for calls that must not be repeated. */
  public Resilience withoutRetry() {
    return new Resilience(
        timeout, 1, retryBackoff, failureRateThreshold, slidingWindowSize, minimumCalls, openStateWait, halfOpenCalls);
  }
}
