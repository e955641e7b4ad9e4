package org.safebed.identity.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedAuthenticationsTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final FailedAuthentications failures =
      new FailedAuthentications(Duration.ofMinutes(1), 100, clock::get);

  @Test
  void blocksAKeyAtItsLimitUntilItsWindowEnds() {
    assertThat(failures.recordFailure("client:a")).isEqualTo(1);
    clock.addAndGet(Duration.ofSeconds(20).toNanos());
    assertThat(failures.recordFailure("client:a")).isEqualTo(2);
    assertThat(failures.blockedFor("client:a", 3)).isZero();
    assertThat(failures.recordFailure("client:a")).isEqualTo(3);

    assertThat(failures.blockedFor("client:a", 3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(failures.blockedFor("client:b", 3)).isZero();

    clock.addAndGet(Duration.ofSeconds(40).toNanos());
    assertThat(failures.blockedFor("client:a", 3)).isZero();
    assertThat(failures.recordFailure("client:a")).isEqualTo(1);
  }

  @Test
  void forgetsExpiredWindowsWhenCrowded() {
    FailedAuthentications small = new FailedAuthentications(Duration.ofSeconds(1), 2, clock::get);
    small.recordFailure("address:1");
    small.recordFailure("address:2");
    clock.addAndGet(Duration.ofSeconds(2).toNanos());

    small.recordFailure("address:3");

    assertThat(small.trackedKeys()).isEqualTo(1);
  }
}
