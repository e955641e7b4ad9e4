package org.safebed.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.TestClock;

class RetiredSessionIdsTest {

  private final TestClock clock = TestClock.stoppedAt(Instant.parse("2026-12-07T10:00:00Z"));
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
}
