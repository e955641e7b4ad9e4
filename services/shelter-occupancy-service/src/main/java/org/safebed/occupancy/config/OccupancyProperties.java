package org.safebed.occupancy.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rules of the occupancy service that operators may tune.
 *
 * @param holdDuration how long a bed is held for a placement before it expires
 * @param maxActiveHoldsPerRequester open (pending, held or waitlisted) placements one police account may have
 * @param maxDistanceKm the search radius around where the person is
 * @param transportMargin added to a transport ETA when extending a hold
 * @param maxHoldExtension how far past its original expiry a transport ETA may extend a hold
 * @param repairAfter age after which the reconciler treats a half-done change as abandoned
 * @param expirySweepInterval how often expired holds (and missing residents' kept beds) are released
 * @param reconcileInterval how often the reconciler runs (it also runs at start-up)
 * @param waitlistInterval how often the whole waitlist is matched again (besides on every freed bed)
 * @param missingBedKeptFor how long a missing resident's bed is kept for her
 * @param escalateAfter how long a placement may wait on the waitlist before coordinators are alerted
 * @param escalationInterval how often long waits are looked for
 * @param capacityStaleAfter availability not confirmed for this long is stale (ranked after fresh)
 * @param rankingBand travel times within one band count as equally quick when fresh and stale compete
 * @param statisticsWindow placements created this long ago or later enter the statistics
 * @param statisticsMinimumCount counts below this are suppressed in statistics
 * @param gaugesInterval how often the bed gauges are read again (about as often as Prometheus scrapes)
 * @param livePollInterval how often followed placements and shelters are re-read (changes by other instances)
 * @param liveHeartbeat how often a live stream gets a comment line (below proxies' idle timeouts)
 * @param liveTimeout how long a live stream stays open before the client must reconnect
 * @param destinationGrace how long after her pick-up was delivered its driver may still learn the
 *     shelter's address (finding the door, the hand-over), as transport documents for every job
 * @param moveOriginGrace how long after a move to rental is delivered its driver may still learn the
 *     shelter it started from
 */
@ConfigurationProperties("safebed.occupancy")
public record OccupancyProperties(
    Duration holdDuration,
    Integer maxActiveHoldsPerRequester,
    Double maxDistanceKm,
    Duration transportMargin,
    Duration maxHoldExtension,
    Duration repairAfter,
    Duration expirySweepInterval,
    Duration reconcileInterval,
    Duration waitlistInterval,
    Duration missingBedKeptFor,
    Duration escalateAfter,
    Duration escalationInterval,
    Duration capacityStaleAfter,
    Duration rankingBand,
    Duration statisticsWindow,
    Integer statisticsMinimumCount,
    Duration livePollInterval,
    Duration liveHeartbeat,
    Duration liveTimeout,
    Duration moveOriginGrace,
    Duration destinationGrace,
    Duration gaugesInterval) {

  public OccupancyProperties {
    holdDuration = holdDuration == null ? Duration.ofMinutes(60) : holdDuration;
    maxActiveHoldsPerRequester = maxActiveHoldsPerRequester == null ? 3 : maxActiveHoldsPerRequester;
    maxDistanceKm = maxDistanceKm == null ? 1000.0 : maxDistanceKm;
    transportMargin = transportMargin == null ? Duration.ofMinutes(15) : transportMargin;
    maxHoldExtension = maxHoldExtension == null ? Duration.ofHours(3) : maxHoldExtension;
    repairAfter = repairAfter == null ? Duration.ofSeconds(30) : repairAfter;
    expirySweepInterval = expirySweepInterval == null ? Duration.ofSeconds(15) : expirySweepInterval;
    reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(60) : reconcileInterval;
    waitlistInterval = waitlistInterval == null ? Duration.ofSeconds(60) : waitlistInterval;
    missingBedKeptFor = missingBedKeptFor == null ? Duration.ofHours(24) : missingBedKeptFor;
    escalateAfter = escalateAfter == null ? Duration.ofMinutes(30) : escalateAfter;
    escalationInterval = escalationInterval == null ? Duration.ofSeconds(60) : escalationInterval;
    capacityStaleAfter = capacityStaleAfter == null ? Duration.ofHours(24) : capacityStaleAfter;
    rankingBand = rankingBand == null ? Duration.ofMinutes(15) : rankingBand;
    statisticsWindow = statisticsWindow == null ? Duration.ofDays(30) : statisticsWindow;
    statisticsMinimumCount = statisticsMinimumCount == null ? 5 : statisticsMinimumCount;
    livePollInterval = livePollInterval == null ? Duration.ofSeconds(2) : livePollInterval;
    liveHeartbeat = liveHeartbeat == null ? Duration.ofSeconds(10) : liveHeartbeat;
    liveTimeout = liveTimeout == null ? Duration.ofMinutes(30) : liveTimeout;
    moveOriginGrace = moveOriginGrace == null ? Duration.ofMinutes(15) : moveOriginGrace;
    destinationGrace = destinationGrace == null ? Duration.ofMinutes(15) : destinationGrace;
    gaugesInterval = gaugesInterval == null ? Duration.ofSeconds(15) : gaugesInterval;
  }
}
