package org.safebed.referral.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safebed.referral.application.SmallCounts.Count;

class SmallCountsTest {

  private final SmallCounts small = new SmallCounts(5);

  @Test
  void countsBelowTheMinimumAreSuppressedAndTheMinimumIsShown() {
    assertThat(small.count(0)).isEqualTo(new Count(null, true));
    assertThat(small.count(4)).isEqualTo(new Count(null, true));
    assertThat(small.count(5)).isEqualTo(new Count(5, false));
    assertThat(small.count(1234)).isEqualTo(new Count(1234, false));
  }

  @Test
  void percentilesAreNearestRankAndLeftOutOverTooFewSamples() {
    SmallCounts.DayPercentiles four = small.days(List.of(3, 1, 4, 1));
    assertThat(four.suppressed()).isTrue();
    assertThat(four.p50Days()).isNull();
    assertThat(four.p90Days()).isNull();
    assertThat(four.samples()).isEqualTo(new Count(null, true));

    SmallCounts.DayPercentiles ten = small.days(List.of(10, 1, 9, 2, 8, 3, 7, 4, 6, 5));
    assertThat(ten.suppressed()).isFalse();
    assertThat(ten.p50Days()).isEqualTo(5);
    assertThat(ten.p90Days()).isEqualTo(9);
    assertThat(ten.samples()).isEqualTo(new Count(10, false));
  }

  @Test
  void aMeanIsRoundedToTwoDecimalsAndLeftOutOverTooFewSamples() {
    assertThat(small.mean(16, 9).value()).isEqualTo(1.78);
    assertThat(small.mean(16, 9).suppressed()).isFalse();
    assertThat(small.mean(8, 4).value()).isNull();
    assertThat(small.mean(8, 4).suppressed()).isTrue();
    assertThat(new SmallCounts(0).mean(0, 0).value()).as("no division by zero").isNull();
  }
}
