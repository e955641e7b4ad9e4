package org.safebed.referral.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param offerTtl how long an offer holds a unit before the sweep returns it
 * @param stalledAfter an active referral without progress for this long is flagged stalled
 * @param sweepInterval how often expired offers are swept
 * @param reconcileInterval how often the reconciler repairs what a crash between two writes left
 * @param reservationGrace how old a reservation must be before the reconciler may judge it
 *     orphaned (longer than any request takes between its two writes)
 * @param destinationWindow how long before and after the move-in date the address is disclosed to
 *     the driver of the move
 * @param matchCandidates at most this many available units are ranked per matching request
 * @param statisticsWindow referrals created this long ago or later enter the coordinators' statistics
 * @param statisticsMinimumCount counts below this are suppressed in statistics
 * @param statisticsMaxReferrals at most this many referrals of the window (the newest) are read for
 *     statistics, which are computed in memory
 * @param keepApartRadiusKm no unit this close to the home of someone she must be kept apart from is
 *     offered to her
 */
@ConfigurationProperties("safebed.referral")
public record ReferralProperties(
    Duration offerTtl,
    Duration stalledAfter,
    Duration sweepInterval,
    Duration reconcileInterval,
    Duration reservationGrace,
    Duration destinationWindow,
    Integer matchCandidates,
    Duration statisticsWindow,
    Integer statisticsMinimumCount,
    Integer statisticsMaxReferrals,
    Double keepApartRadiusKm) {

  public ReferralProperties {
    offerTtl = offerTtl == null ? Duration.ofHours(72) : offerTtl;
    stalledAfter = stalledAfter == null ? Duration.ofDays(7) : stalledAfter;
    sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
    reconcileInterval = reconcileInterval == null ? Duration.ofMinutes(5) : reconcileInterval;
    reservationGrace = reservationGrace == null ? Duration.ofMinutes(2) : reservationGrace;
    destinationWindow = destinationWindow == null ? Duration.ofDays(2) : destinationWindow;
    matchCandidates = matchCandidates == null ? 500 : matchCandidates;
    // Referrals take weeks to months: a shorter window would hold few completed ones.
    statisticsWindow = statisticsWindow == null ? Duration.ofDays(180) : statisticsWindow;
    statisticsMinimumCount = statisticsMinimumCount == null ? 5 : statisticsMinimumCount;
    statisticsMaxReferrals = statisticsMaxReferrals == null ? 20_000 : statisticsMaxReferrals;
    keepApartRadiusKm = keepApartRadiusKm == null ? 2.0 : keepApartRadiusKm;
    if (!(keepApartRadiusKm > 0)) {
      throw new IllegalArgumentException("safebed.referral.keep-apart-radius-km must be positive");
    }
  }
}
