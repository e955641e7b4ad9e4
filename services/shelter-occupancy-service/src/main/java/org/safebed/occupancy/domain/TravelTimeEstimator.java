package org.safebed.occupancy.domain;

import java.time.Duration;

/**
 * How long a drive from one point to another is expected to take. Matching ranks shelters by it.
 * Today {@link StraightLineTravelTime}; a routing-based estimate from the transport service can
 * replace it without touching matching.
 */
public interface TravelTimeEstimator {

  Duration estimate(GeoPoint from, GeoPoint to);
}
