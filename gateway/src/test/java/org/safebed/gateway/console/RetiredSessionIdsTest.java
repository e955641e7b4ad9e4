package org.safebed.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetiredSessionIdsTest {

  private final MovableClock clock = new MovableClock();
  private final RetiredSessionIds retired = new RetiredSessionIds(clock);

  @Test
  void anIdChangedAtSignInStaysRetiredForTheGracePeriodOnly() {
    retired.retire("before-sign-in");

    assertThat(retired.isRetired("before-sign-in")).isTrue();
    assertThat(retired.firstToForget("before-sign-in")).isFalse();
    clock.advance(RetiredSessionIds.GRACE.plusSeconds(1));
    assertThat(retired.isRetired("before-sign-in")).isFalse();
  }

  @Test
  void onlyTheFirstAnswerToAnUnknownIdForgetsIt() {
    assertThat(retired.firstToForget("unknown")).isTrue();
    assertThat(retired.firstToForget("unknown")).isFalse();
    clock.advance(RetiredSessionIds.GRACE.plusSeconds(1));
    assertThat(retired.firstToForget("unknown")).isTrue();
  }

  @Test
  void madeUpIdsCannotFillTheMemoryButSignInsAreStillRemembered() {
    for (int i = 0; i < RetiredSessionIds.MAX_UNKNOWN + 10; i++) {
      assertThat(retired.firstToForget("made-up-" + i)).isTrue();
    }
    assertThat(retired.firstToForget("made-up-again")).isTrue();
    assertThat(retired.firstToForget("made-up-again")).as("not remembered past the cap").isTrue();

    retired.retire("signed-in");
    assertThat(retired.firstToForget("signed-in")).isFalse();
  }

  private static final class MovableClock extends Clock {

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
