package org.safebed.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestClockTest {

  @Test
  void aStoppedClockShowsItsInstantUntilAdvanced() throws InterruptedException {
    TestClock clock = TestClock.stoppedAt(Instant.parse("2026-12-07T10:00:00Z"));
    Thread.sleep(5);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));

    clock.advance(Duration.ofMinutes(90));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T11:30:00Z"));
  }

  @Test
  void theServicesClockIsRealTimePlusTheAdvances() {
    TestClock clock = new TestClock();
    clock.advance(Duration.ofDays(2));
    Instant expected = Instant.now().plus(Duration.ofDays(2));
    assertThat(Duration.between(expected, clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
  }
}
