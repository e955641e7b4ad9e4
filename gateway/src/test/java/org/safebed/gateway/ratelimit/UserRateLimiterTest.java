package org.safebed.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.safebed.gateway.config.GatewayProperties.RateLimit;

class UserRateLimiterTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  @Test
  void allowsTheBurstThenAsksToWaitForTheNextToken() {
    UserRateLimiter limiter = new UserRateLimiter(new RateLimit(2.0, 3, 100), clock::get);

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("police-1")).isZero();
    }
    assertThat(limiter.tryAcquire("police-1")).isEqualTo(Duration.ofMillis(500));

    clock.addAndGet(Duration.ofMillis(500).toNanos());
    assertThat(limiter.tryAcquire("police-1")).isZero();
    assertThat(limiter.tryAcquire("police-1")).isPositive();
  }

  @Test
  void tellsTheWaitWithoutSpendingAnything() {
    UserRateLimiter limiter = new UserRateLimiter(new RateLimit(2.0, 1, 100), clock::get);

    assertThat(limiter.waitBeforeNext("10.0.0.7")).isZero();
    assertThat(limiter.waitBeforeNext("10.0.0.7")).isZero();
    assertThat(limiter.tryAcquire("10.0.0.7")).isZero();
    assertThat(limiter.waitBeforeNext("10.0.0.7")).isEqualTo(Duration.ofMillis(500));
    assertThat(limiter.waitBeforeNext("10.0.0.7")).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void keepsABudgetPerUser() {
    UserRateLimiter limiter = new UserRateLimiter(new RateLimit(1.0, 1, 100), clock::get);

    assertThat(limiter.tryAcquire("police-1")).isZero();
    assertThat(limiter.tryAcquire("police-1")).isPositive();
    assertThat(limiter.tryAcquire("police-2")).isZero();
  }

  @Test
  void refillsNoFurtherThanTheBurst() {
    UserRateLimiter limiter = new UserRateLimiter(new RateLimit(10.0, 2, 100), clock::get);
    limiter.tryAcquire("driver-1");

    clock.addAndGet(Duration.ofHours(1).toNanos());

    assertThat(limiter.tryAcquire("driver-1")).isZero();
    assertThat(limiter.tryAcquire("driver-1")).isZero();
    assertThat(limiter.tryAcquire("driver-1")).isPositive();
  }

  @Test
  void dropsIdleUsersOnceTooManyAreTracked() {
    UserRateLimiter limiter = new UserRateLimiter(new RateLimit(1.0, 1, 2), clock::get);
    limiter.tryAcquire("a");
    limiter.tryAcquire("b");

    clock.addAndGet(Duration.ofSeconds(2).toNanos());
    limiter.tryAcquire("c");

    assertThat(limiter.trackedUsers()).isEqualTo(1);
  }
}
