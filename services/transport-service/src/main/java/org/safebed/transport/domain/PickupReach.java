package org.safebed.transport.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How far a driver may be from her: one who cannot be at the pick-up within {@code limit} is never
 * offered the job. Sending the nearest driver however far left children waiting for days while
 * their bed was held for them; a job nobody can reach in time goes to police at once instead.
 *
 * @param limit the longest acceptable drive from a driver's base to the pick-up
 */
public record PickupReach(Duration limit) {

  /**
   * Faster than any journey by road, on average, between two points this far apart as the crow
   * flies: a driver farther than this speed covers within the limit is ruled out without asking
   * the routing provider.
   */
  static final double FASTEST_KMH = 130;

  public PickupReach {
    Objects.requireNonNull(limit, "limit");
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("the pick-up reach must be positive");
    }
  }

  /** Whether a driver based at {@code base} could possibly reach {@code pickup} in time. */
  public boolean mightReach(GeoPoint base, GeoPoint pickup) {
    double fastestMinutes = base.kilometresTo(pickup) / FASTEST_KMH * 60;
    return fastestMinutes <= limit.toMinutes();
  }

  /** Whether a drive of {@code toPickup} (routed or estimated) is within the limit. */
  public boolean reachedIn(TravelTime toPickup) {
    return toPickup.minutes() <= limit.toMinutes();
  }
}
