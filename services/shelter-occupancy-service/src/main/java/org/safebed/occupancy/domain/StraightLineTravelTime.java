package org.safebed.occupancy.domain;

import java.time.Duration;

/**
 * Travel time from the straight-line distance, stretched by a detour factor for real roads and
 * driven at an average speed: crude, but monotonic in distance, which is all ranking needs.
 */
public record StraightLineTravelTime(double averageSpeedKmh, double detourFactor) implements TravelTimeEstimator {

  public static final StraightLineTravelTime DEFAULT = new StraightLineTravelTime(50, 1.3);

  public StraightLineTravelTime {
    if (averageSpeedKmh <= 0 || detourFactor < 1) {
      throw new InvalidValueException("speed must be positive and the detour factor at least 1");
    }
  }

  @Override
  public Duration estimate(GeoPoint from, GeoPoint to) {
    return atLeast(from.distanceKmTo(to));
  }

  @Override
  public Duration atLeast(double straightLineKm) {
    double hours = Math.max(0, straightLineKm) * detourFactor / averageSpeedKmh;
    return Duration.ofSeconds(Math.round(hours * 3600));
  }
}
