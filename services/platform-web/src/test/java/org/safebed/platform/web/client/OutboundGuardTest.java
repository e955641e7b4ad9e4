package org.safebed.platform.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retry around the breaker around the time limit, with plain calls standing in for the dependency. */
class OutboundGuardTest {

  private static final OutboundGuard.Settings QUICK =
      new OutboundGuard.Settings(Duration.ofMillis(300), 2, Duration.ofMillis(10), 50f, 4, 4, Duration.ofMinutes(1), 2);

  private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
  private final OutboundGuard guard = new OutboundGuard(
      "dependency", breakers, QUICK, e -> e instanceof Transient, Refusal.class);
  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void aTransientFailureIsTriedOnceMore() throws Exception {
    String answer = guard.call(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw new Transient();
      }
      return "answer";
    });

    assertThat(answer).isEqualTo("answer");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void anyOtherFailureIsPassedOnAfterOneAttempt() {
    assertThatThrownBy(() -> guard.call(counted(new IllegalStateException("nonsense"))))
        .isInstanceOf(IllegalStateException.class);

    assertThat(attempts).hasValue(1);
  }

  @Test
  void anAttemptIsCutOffAtTheTimeLimitAndNotRetried() {
    long started = System.nanoTime();

    assertThatThrownBy(() -> guard.call(() -> {
      attempts.incrementAndGet();
      Thread.sleep(5_000);
      return "too late";
    })).isInstanceOf(TimeoutException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_000));
    assertThat(attempts).hasValue(1);
  }

  @Test
  void failuresOpenTheBreakerThenCallsAreRefusedAtOnceWithoutReachingTheDependency() {
    for (int i = 0; i < 2; i++) { // two calls of two failed attempts: 4 of 4
      assertThatThrownBy(() -> guard.call(counted(new Transient()))).isInstanceOf(Transient.class);
    }
    assertThat(guard.state()).isEqualTo(CircuitBreaker.State.OPEN);

    assertThatThrownBy(() -> guard.call(counted(new Transient()))).isInstanceOf(CallNotPermittedException.class);
    assertThat(attempts).hasValue(4);
  }

  @Test
  void refusalsSayNothingAboutTheDependencysHealth() {
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> guard.call(counted(new Refusal()))).isInstanceOf(Refusal.class);
    }

    assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(attempts).hasValue(6);
  }

  @Test
  void withoutRetryATransientFailureIsTriedOnce() {
    OutboundGuard once = new OutboundGuard("post", breakers, QUICK.withoutRetry(), e -> e instanceof Transient);

    assertThatThrownBy(() -> once.call(counted(new Transient()))).isInstanceOf(Transient.class);

    assertThat(attempts).hasValue(1);
  }

  @Test
  void theBreakerIsTheRegistrysUnderItsName() throws Exception {
    guard.call(() -> "answer");

    assertThat(breakers.circuitBreaker("dependency").getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
  }

  @Test
  void unsetSettingsTakeTheDefaults() {
    assertThat(OutboundGuard.Settings.defaults()).isEqualTo(new OutboundGuard.Settings(
        Duration.ofSeconds(1), 2, Duration.ofMillis(100), 50f, 10, 4, Duration.ofSeconds(30), 2));
  }

  private Callable<String> counted(RuntimeException failure) {
    return () -> {
      attempts.incrementAndGet();
      throw failure;
    };
  }

  private static final class Transient extends RuntimeException {
    Transient() {
      super("transient", null, false, false);
    }
  }

  private static final class Refusal extends RuntimeException {
    Refusal() {
      super("refused", null, false, false);
    }
  }
}
