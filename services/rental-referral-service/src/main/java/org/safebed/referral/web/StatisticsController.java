package org.safebed.referral.web;

import org.safebed.referral.application.ReferralFigures;
import org.safebed.referral.application.ReferralFigures.Report;
import org.safebed.referral.application.SmallCounts.Count;
import org.safebed.referral.application.SmallCounts.DayPercentiles;
import org.safebed.referral.application.SmallCounts.Mean;
import org.safebed.referral.web.api.StatisticsApi;
import org.safebed.referral.web.model.CountValue;
import org.safebed.referral.web.model.DeclineReason;
import org.safebed.referral.web.model.DeclineReasonCount;
import org.safebed.referral.web.model.OfferBucket;
import org.safebed.referral.web.model.OffersPerReferral;
import org.safebed.referral.web.model.ReferralStatistics;
import org.safebed.referral.web.model.ReferralStatus;
import org.safebed.referral.web.model.StatusCount;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** Aggregate referral figures, for coordinators only: no id, agency or person in them. */
@RestController
public class StatisticsController implements StatisticsApi {

  private final ReferralFigures figures;

  public StatisticsController(ReferralFigures figures) {
    this.figures = figures;
  }

  @Override
  @PreAuthorize("hasRole('COORDINATOR')")
  public ResponseEntity<ReferralStatistics> getReferralStatistics() {
    Report report = figures.compute();
    Mean mean = report.offersPerReferral().mean();
    return ResponseEntity.ok(new ReferralStatistics()
        .generatedAt(Representations.time(report.generatedAt()))
        .windowStart(Representations.time(report.windowStart()))
        .minimumCount(report.minimumCount())
        .truncated(report.truncated())
        .referralsByStatus(report.referralsByStatus().entrySet().stream()
            .map(e -> new StatusCount().status(ReferralStatus.valueOf(e.getKey().name())).referrals(count(e.getValue())))
            .toList())
        .checkInToMoveIn(days(report.checkInToMoveIn()))
        .offersPerReferral(new OffersPerReferral()
            .mean(mean.value())
            .referrals(count(mean.samples()))
            .suppressed(mean.suppressed())
            .distribution(report.offersPerReferral().distribution().stream()
                .map(b -> new OfferBucket().offers(b.offers()).referrals(count(b.referrals())))
                .toList()))
        .declinesByReason(report.declinesByReason().entrySet().stream()
            .map(e -> new DeclineReasonCount().reason(DeclineReason.valueOf(e.getKey().name())).declines(count(e.getValue())))
            .toList())
        .stalledReferrals(count(report.stalledReferrals())));
  }

  private static CountValue count(Count count) {
    return new CountValue().value(count.value()).suppressed(count.suppressed());
  }

  private static org.safebed.referral.web.model.DayPercentiles days(DayPercentiles days) {
    return new org.safebed.referral.web.model.DayPercentiles()
        .p50Days(days.p50Days())
        .p90Days(days.p90Days())
        .samples(count(days.samples()))
        .suppressed(days.suppressed());
  }
}
