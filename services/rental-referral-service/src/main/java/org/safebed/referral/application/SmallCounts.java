package org.safebed.referral.application;

import java.util.List;

/**
 * The suppression rule of the statistics. A small count can point at a person (two residents of one
 * agency declined a unit as unsafe this month), so every count below the minimum is shown as
 * suppressed, and so is any figure taken over fewer referrals than that.
 */
public record SmallCounts(int minimum) {

  /** A count, or null and suppressed below the minimum. */
  public record Count(Integer value, boolean suppressed) {}

  /** Nearest-rank percentiles in whole days, both null and suppressed over too few samples. */
  public record DayPercentiles(Integer p50Days, Integer p90Days, Count samples, boolean suppressed) {}

  /** A mean, null and suppressed over too few samples. */
  public record Mean(Double value, Count samples, boolean suppressed) {}

  public Count count(long value) {
    return value < minimum ? new Count(null, true) : new Count(Math.toIntExact(value), false);
  }

  public DayPercentiles days(List<Integer> samples) {
    if (samples.size() < minimum) {
      return new DayPercentiles(null, null, count(samples.size()), true);
    }
    List<Integer> sorted = samples.stream().sorted().toList();
    return new DayPercentiles(nearestRank(sorted, 50), nearestRank(sorted, 90), count(sorted.size()), false);
  }

  /** The mean of {@code total} over {@code samples}, to two decimals. */
  public Mean mean(long total, int samples) {
    if (samples < minimum || samples == 0) {
      return new Mean(null, count(samples), true);
    }
    return new Mean(Math.round(total * 100.0 / samples) / 100.0, count(samples), false);
  }

  private static int nearestRank(List<Integer> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
