package org.safebed.occupancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsSuppressionTest {

  @Test
  void countsUnderTheMinimumAreNullAndSuppressed() {
    assertThat(OccupancyStatistics.count(4, 5)).isEqualTo(new OccupancyStatistics.Count(null, true));
    assertThat(OccupancyStatistics.count(0, 5).suppressed()).isTrue();
    assertThat(OccupancyStatistics.count(5, 5)).isEqualTo(new OccupancyStatistics.Count(5, false));
  }

  @Test
  void percentilesNeedEnoughSamples() {
    var few = OccupancyStatistics.percentiles(List.of(1.0, 2.0, 3.0), 5);
    assertThat(few.suppressed()).isTrue();
    assertThat(few.p50Minutes()).isNull();
    assertThat(few.samples().value()).isNull();

    var many = OccupancyStatistics.percentiles(List.of(10.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), 5);
    assertThat(many.suppressed()).isFalse();
    assertThat(many.p50Minutes()).isEqualTo(5.0);
    assertThat(many.p90Minutes()).isEqualTo(9.0);
    assertThat(many.samples().value()).isEqualTo(10);
  }
}
