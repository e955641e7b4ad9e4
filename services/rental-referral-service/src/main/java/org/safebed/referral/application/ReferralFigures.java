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
import java.util.Set;
import org.safebed.platform.web.statistics.ComplementarySuppression;
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
 * aggregation), and passed through {@link SmallCounts} before they leave. The referrals by status
 * and by number of offers both add up to the referrals counted (the mean's samples), so a small
 * count in either is hidden together with enough others that no subtraction gives it away
 * ({@link ComplementarySuppression}).
 */
@Component
public class ReferralFigures {

  /** Offer counts from this one up share a bucket. */
  static final int OPEN_ENDED_BUCKET = 3;

  /** Names of the cells the suppression rule weighs: the total, each status, {@code offers:<bucket>}. */
  private static final String TOTAL = "total";
  private static final String OFFERS = "offers:";

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

    Set<String> hidden = hiddenCells(small.minimum(), window.size(), byStatus, byOffers);
    Map<ReferralStatus, Count> statuses = new LinkedHashMap<>();
    for (ReferralStatus status : ReferralStatus.values()) {
      statuses.put(status, cell(byStatus.getOrDefault(status, 0L), hidden.contains(status.name())));
    }
    Map<DeclineReason, Count> reasons = new LinkedHashMap<>();
    for (DeclineReason reason : DeclineReason.values()) {
      reasons.put(reason, small.count(byReason.getOrDefault(reason, 0L)));
    }
    List<OfferBucket> buckets = new ArrayList<>();
    for (int n = 0; n <= OPEN_ENDED_BUCKET; n++) {
      String bucket = n == OPEN_ENDED_BUCKET ? n + "+" : String.valueOf(n);
      buckets.add(new OfferBucket(bucket, cell(byOffers[n], hidden.contains(OFFERS + bucket))));
    }
    Mean mean = small.mean(offers, window.size());
    if (buckets.stream().anyMatch(b -> b.referrals().suppressed())) {
      // The mean weighs the buckets: shown beside suppressed ones it can pin them (a mean of 0 puts
      // every referral in bucket 0), so it goes with them; so do its samples if the total went.
      mean = new Mean(null, hidden.contains(TOTAL) ? new Count(null, true) : mean.samples(), true);
    }
    long stalled = referrals.countActiveWithoutProgressSince(now.minus(properties.stalledAfter()));
    return new Report(now, windowStart, small.minimum(), truncated, statuses, small.days(daysToMoveIn(window)),
        new OffersPerReferral(mean, buckets), reasons, small.count(stalled));
  }

  /** The cells to suppress of the two breakdowns of the window's referrals and their total. */
  static Set<String> hiddenCells(int minimum, long total, Map<ReferralStatus, Long> byStatus, long[] byOffers) {
    Map<String, Long> cells = new LinkedHashMap<>();
    cells.put(TOTAL, total);
    List<String> statusRelation = new ArrayList<>(List.of(TOTAL));
    for (ReferralStatus status : ReferralStatus.values()) {
      cells.put(status.name(), byStatus.getOrDefault(status, 0L));
      statusRelation.add(status.name());
    }
    List<String> offersRelation = new ArrayList<>(List.of(TOTAL));
    for (int n = 0; n <= OPEN_ENDED_BUCKET; n++) {
      String bucket = OFFERS + (n == OPEN_ENDED_BUCKET ? n + "+" : String.valueOf(n));
      cells.put(bucket, byOffers[n]);
      offersRelation.add(bucket);
    }
    return new ComplementarySuppression(minimum).suppressed(cells, List.of(statusRelation, offersRelation));
  }

  private static Count cell(long value, boolean suppressed) {
    return suppressed ? new Count(null, true) : new Count(Math.toIntExact(value), false);
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
