package org.safebed.benchmarks;

import java.util.Arrays;

/** Summary of measured durations in milliseconds; percentiles by the nearest-rank method. */
record Latencies(int count, double p50, double p90, double p99, double max, double mean) {

  static final Latencies NONE = new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  static Latencies of(double[] millis) {
    if (millis.length == 0) {
      return NONE;
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Latencies(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
        sorted[sorted.length - 1], Arrays.stream(sorted).average().orElseThrow());
  }

  /** The smallest value with at least {@code percent} % of the values at or below it. */
  static double rank(double[] sorted, double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
  }
}
