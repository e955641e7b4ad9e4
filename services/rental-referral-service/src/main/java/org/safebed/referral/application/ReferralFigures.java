package org.safebed.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safebed.referral.application.SmallCounts.Count;
import org.safebed.referral.application.SmallCounts.DayPercentiles;
import org.safebed.referral.application.SmallCounts.Mean;
import org.safebed.referral.config.ReferralProperties;
import org.safebed.referral.domain.DeclineReason;
import org.safebed.referral.domain.ReferralRepository;
import org.safebed.referral.domain.ReferralStatus;
import org.safebed.referral.domain.ReferralSummary;
import org.safebed.referral.domain.ResidentRepository;
import org.springframework.stereotype.Component;

/**
 * Aggregate figures of every agency's referrals for coordinators: computed in memory over a bounded
 * projection of the window's referrals (the wire-protocol Mongo of the tests has little
 * aggregation), and passed through {@link SmallCounts} before they leave.
 */
@Component
public class ReferralFigures {

  /** Offer counts from this one up share a bucket. */
  static final int OPEN_ENDED_BUCKET = 3;

  private final ReferralRepository referrals;
  private final ResidentRepository residents;
  private final ReferralProperties properties;
  private final Clock clock;

  public ReferralFigures(
      ReferralRepository referrals, ResidentRepository residents, ReferralProperties properties, Clock clock) {
    this.referrals = referrals;
    this.residents = residents;
    this.properties = properties;
    this.clock = clock;
  }

  /** Referrals with this many offers: {@code "0"}, {@code "1"}, {@code "2"} or {@code "3+"}. */
  public record OfferBucket(String offers, Count referrals) {}

  public record OffersPerReferral(Mean mean, List<OfferBucket> distribution) {}

  /** Every status and every decline reason is present, so an absent row never says anything. */
  public record Report(
      Instant generatedAt,
      Instant windowStart,
      int minimumCount,
      boolean truncated,
      Map<ReferralStatus, Count> referralsByStatus,
      DayPercentiles checkInToMoveIn,
      OffersPerReferral offersPerReferral,
      Map<DeclineReason, Count> declinesByReason,
      Count stalledReferrals) {}

  public Report compute() {
    Instant now = clock.instant();
    Instant windowStart = now.minus(properties.statisticsWindow());
    SmallCounts small = new SmallCounts(properties.statisticsMinimumCount());
    int max = properties.statisticsMaxReferrals();
    List<ReferralSummary> window = new ArrayList<>(referrals.summariesCreatedSince(windowStart, max + 1));
    boolean truncated = window.size() > max;
    if (truncated) {
      window.removeLast();
    }

    Map<ReferralStatus, Long> byStatus = new EnumMap<>(ReferralStatus.class);
    Map<DeclineReason, Long> byReason = new EnumMap<>(DeclineReason.class);
    long[] byOffers = new long[OPEN_ENDED_BUCKET + 1];
    long offers = 0;
    for (ReferralSummary referral : window) {
      byStatus.merge(referral.status(), 1L, Long::sum);
      referral.declineReasons().forEach(reason -> byReason.merge(reason, 1L, Long::sum));
      byOffers[Math.min(referral.offers(), OPEN_ENDED_BUCKET)]++;
      offers += referral.offers();
    }

    Map<ReferralStatus, Count> statuses = new LinkedHashMap<>();
    for (ReferralStatus status : ReferralStatus.values()) {
      statuses.put(status, small.count(byStatus.getOrDefault(status, 0L)));
    }
    Map<DeclineReason, Count> reasons = new LinkedHashMap<>();
    for (DeclineReason reason : DeclineReason.values()) {
      reasons.put(reason, small.count(byReason.getOrDefault(reason, 0L)));
    }
    List<OfferBucket> buckets = new ArrayList<>();
    for (int n = 0; n <= OPEN_ENDED_BUCKET; n++) {
      buckets.add(new OfferBucket(n == OPEN_ENDED_BUCKET ? n + "+" : String.valueOf(n), small.count(byOffers[n])));
    }
    long stalled = referrals.countActiveWithoutProgressSince(now.minus(properties.stalledAfter()));
    return new Report(now, windowStart, small.minimum(), truncated, statuses, small.days(daysToMoveIn(window)),
        new OffersPerReferral(small.mean(offers, window.size()), buckets), reasons, small.count(stalled));
  }

  /** Whole days from her check-in (UTC date) to the move-in date, over the moved-in referrals. */
  private List<Integer> daysToMoveIn(List<ReferralSummary> window) {
    List<ReferralSummary> movedIn =
        window.stream().filter(r -> r.status() == ReferralStatus.MOVED_IN && r.moveInDate() != null).toList();
    if (movedIn.isEmpty()) {
      return List.of();
    }
    Map<String, Instant> checkedIn = residents.checkedInAt(movedIn.stream().map(ReferralSummary::placementId).toList());
    List<Integer> days = new ArrayList<>();
    for (ReferralSummary referral : movedIn) {
      Instant at = checkedIn.get(referral.placementId());
      if (at == null) {
        continue; // her check-in was never seen here: no duration to measure
      }
      long between = ChronoUnit.DAYS.between(LocalDate.ofInstant(at, ZoneOffset.UTC), referral.moveInDate());
      // A move-in dated before the check-in is a typo (up to 30 days back is allowed): it would bend the figures.
      if (between >= 0) {
        days.add(Math.toIntExact(between));
      }
    }
    return days;
  }
}
