package org.safebed.transport.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.safebed.transport.config.Resilience;

/**
 * Resilience4j around one outbound dependency: retry (transient failures only) around a circuit
 * breaker around a time limiter around the call. Each attempt is cut off at the time limit (and
 * counts as a failure for the breaker); an open breaker answers at once and is not retried. The
 * breaker is the application's registry's, so that its state is exported under its name.
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
   * @param transientFailure failures worth another attempt (5xx, I/O)
   * @param notFailures outcomes that say nothing about the dependency's health (a refusal)
   */
  @SafeVarargs
  public OutboundGuard(
      String name,
      CircuitBreakerRegistry breakers,
      Resilience settings,
      Predicate<Throwable> transientFailure,
      Class<? extends Throwable>... notFailures) {
    this.breaker =
        breakers.circuitBreaker(
            name,
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .ignoreExceptions(notFailures)
                .build());
    this.limiter =
        TimeLimiter.of(
            name,
            TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).cancelRunningFuture(true).build());
    this.retry =
        Retry.of(
            name,
            RetryConfig.custom()
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

  CircuitBreaker breaker() {
    return breaker;
  }
}
