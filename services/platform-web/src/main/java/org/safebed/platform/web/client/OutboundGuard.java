package org.safebed.platform.web.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Resilience4j around one outbound dependency: retry (transient failures only) around a {@link
 * OutboundBreakers count-based circuit breaker} around a time limiter around the call. Each attempt
 * is cut off at the time limit (and counts as a failure for the breaker); an open breaker answers
 * at once and is not retried. The breaker is the application's registry's, so that its state is
 * exported under its name.
 */
public final class OutboundGuard {

  private final CircuitBreaker breaker;
  private final TimeLimiter limiter;
  private final Retry retry;
  // Attempts run on virtual threads so that the limiter can give up on them (and interrupt them).
  private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * @param name names the breaker (a fixed name, never an id)
   * @param breakers the application's registry, where the breaker is made (or found, by its name)
   * @param transientFailure failures worth another attempt (5xx, I/O); a time-out is one only if
   *     this says so
   * @param notFailures outcomes that say nothing about the dependency's health (a refusal)
   */
  @SafeVarargs
  public OutboundGuard(
      String name,
      CircuitBreakerRegistry breakers,
      Settings settings,
      Predicate<Throwable> transientFailure,
      Class<? extends Throwable>... notFailures) {
    this.breaker = breakers.circuitBreaker(name, OutboundBreakers.countBased(
            settings.slidingWindowSize(), settings.minimumCalls(), settings.failureRateThreshold(),
            settings.openStateWait())
        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
        .ignoreExceptions(notFailures)
        .build());
    this.limiter = TimeLimiter.of(name,
        TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).cancelRunningFuture(true).build());
    this.retry = Retry.of(name, RetryConfig.custom()
        .maxAttempts(Math.max(1, settings.retryAttempts()))
        .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
        .retryOnException(transientFailure)
        .build());
  }

  /** Runs the call under the guard; rethrows its failure, a timeout, or the open breaker's refusal. */
  public <T> T call(Callable<T> call) throws Exception {
    Callable<T> limited = TimeLimiter.decorateFutureSupplier(limiter, () -> attempts.submit(call));
    Callable<T> broken = CircuitBreaker.decorateCallable(breaker, limited);
    return Retry.decorateCallable(retry, broken).call();
  }

  public CircuitBreaker.State state() {
    return breaker.getState();
  }

  /**
   * The guard's settings, bindable as configuration properties (unset ones take the defaults).
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
  public record Settings(
      Duration timeout,
      Integer retryAttempts,
      Duration retryBackoff,
      Float failureRateThreshold,
      Integer slidingWindowSize,
      Integer minimumCalls,
      Duration openStateWait,
      Integer halfOpenCalls) {

    public Settings {
      timeout = timeout == null ? Duration.ofSeconds(1) : timeout;
      retryAttempts = retryAttempts == null ? 2 : retryAttempts;
      retryBackoff = retryBackoff == null ? Duration.ofMillis(100) : retryBackoff;
      failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
      slidingWindowSize = slidingWindowSize == null ? 10 : slidingWindowSize;
      minimumCalls = minimumCalls == null ? 4 : minimumCalls;
      openStateWait = openStateWait == null ? Duration.ofSeconds(30) : openStateWait;
      halfOpenCalls = halfOpenCalls == null ? 2 : halfOpenCalls;
    }

    public static Settings defaults() {
      return new Settings(null, null, null, null, null, null, null, null);
    }

    /** The same settings with a single attempt: for calls that must not be repeated (a POST). */
    public Settings withoutRetry() {
      return new Settings(
          timeout, 1, retryBackoff, failureRateThreshold, slidingWindowSize, minimumCalls, openStateWait, halfOpenCalls);
    }
  }
}
