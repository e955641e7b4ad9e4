package org.safebed.occupancy.domain;

import java.time.Duration;

/**
 * How long a drive from one point to another is expected to take. Matching ranks shelters by it.
 * Today {@link StraightLineTravelTime}; a routing-based estimate can replace it without touching
 * matching, as long as it keeps {@link #atLeast} a true lower bound.
 */
public interface TravelTimeEstimator {

  Duration estimate(GeoPoint from, GeoPoint to);

  /**
   * No trip whose straight-line distance is at least {@code straightLineKm} takes less: lets the
   * matcher skip shelters (and whole areas) that cannot beat what it found already.
   */
  Duration atLeast(double straightLineKm);
}
