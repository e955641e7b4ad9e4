package org.safebed.occupancy.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rules of the occupancy service that operators may tune.
 *
 * @param holdDuration how long a bed is held for a placement before it expires
 * @param maxActiveHoldsPerRequester active (pending or held) placements one police account may have
 * @param maxDistanceKm the search radius around where the person is
 * @param transportMargin added to a transport ETA when extending a hold
 * @param repairAfter age after which the reconciler treats a half-done change as abandoned
 * @param expirySweepInterval how often expired holds are released
 * @param reconcileInterval how often the reconciler runs (it also runs at start-up)
 * @param waitlistInterval how often the whole waitlist is matched again (besides on every freed bed)
 */
@ConfigurationProperties("safebed.occupancy")
public record OccupancyProperties(
    Duration holdDuration,
    Integer maxActiveHoldsPerRequester,
    Double maxDistanceKm,
    Duration transportMargin,
    Duration repairAfter,
    Duration expirySweepInterval,
    Duration reconcileInterval,
    Duration waitlistInterval) {

  public OccupancyProperties {
    holdDuration = holdDuration == null ? Duration.ofMinutes(60) : holdDuration;
    maxActiveHoldsPerRequester = maxActiveHoldsPerRequester == null ? 3 : maxActiveHoldsPerRequester;
    maxDistanceKm = maxDistanceKm == null ? 1000.0 : maxDistanceKm;
    transportMargin = transportMargin == null ? Duration.ofMinutes(15) : transportMargin;
    repairAfter = repairAfter == null ? Duration.ofSeconds(30) : repairAfter;
    expirySweepInterval = expirySweepInterval == null ? Duration.ofSeconds(15) : expirySweepInterval;
    reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(60) : reconcileInterval;
    waitlistInterval = waitlistInterval == null ? Duration.ofSeconds(60) : waitlistInterval;
  }
}
