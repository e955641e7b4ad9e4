package org.safebed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesAreNearestRankOverTheSortedValues() {
    double[] oneToHundred = IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray();

    Latencies latencies = Latencies.of(oneToHundred);

    assertThat(latencies.count()).isEqualTo(100);
    assertThat(latencies.p50()).isEqualTo(50);
    assertThat(latencies.p90()).isEqualTo(90);
    assertThat(latencies.p99()).isEqualTo(99);
    assertThat(latencies.max()).isEqualTo(100);
    assertThat(latencies.mean()).isEqualTo(50.5);
  }

  @Test
  void aFewValuesGiveTheLargestAsTheHighPercentiles() {
    Latencies latencies = Latencies.of(new double[] {30, 10, 20});

    assertThat(latencies.p50()).isEqualTo(20);
    assertThat(latencies.p99()).isEqualTo(30);
  }

  @Test
  void nothingMeasuredIsNotANumberRatherThanZero() {
    Latencies latencies = Latencies.of(new double[0]);

    assertThat(latencies.count()).isZero();
    assertThat(latencies.p50()).isNaN();
  }
}
