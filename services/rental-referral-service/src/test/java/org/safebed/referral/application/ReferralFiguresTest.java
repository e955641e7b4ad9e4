package org.safebed.referral.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.referral.application.SmallCounts.Count;
import org.safebed.referral.config.ReferralProperties;
import org.safebed.referral.domain.DeclineReason;
import org.safebed.referral.domain.ReferralRepository;
import org.safebed.referral.domain.ReferralStatus;
import org.safebed.referral.domain.ReferralSummary;
import org.safebed.referral.domain.ResidentRepository;

class ReferralFiguresTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  private final ReferralRepository referrals = mock(ReferralRepository.class);
  private final ResidentRepository residents = mock(ResidentRepository.class);

  private ReferralFigures figures(Integer maxReferrals) {
    ReferralProperties properties = new ReferralProperties(
        null, Duration.ofDays(7), null, null, null, null, null, Duration.ofDays(30), 5, maxReferrals, null);
    return new ReferralFigures(referrals, residents, properties, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ReferralSummary movedIn(String placementId) {
    return new ReferralSummary(ReferralStatus.MOVED_IN, placementId, TODAY, 1, List.of());
  }

  @Test
  void readsTheWindowNewestFirstUpToTheLimitAndSaysWhenThereWasMore() {
    List<ReferralSummary> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(new ReferralSummary(ReferralStatus.OPEN, "p-" + i, null, 0, List.of()));
    }
    when(referrals.summariesCreatedSince(NOW.minus(Duration.ofDays(30)), 6)).thenReturn(six);

    ReferralFigures.Report report = figures(5).compute();

    assertThat(report.truncated()).isTrue();
    assertThat(report.offersPerReferral().mean().samples()).isEqualTo(new Count(5, false));
    assertThat(report.referralsByStatus().get(ReferralStatus.OPEN))
        .as("5 of 5 would say every other status is empty").isEqualTo(new Count(null, true));
    assertThat(report.windowStart()).isEqualTo(NOW.minus(Duration.ofDays(30)));
  }

  @Test
  void daysToMoveInLeaveOutUnknownCheckInsAndMoveInsDatedBeforeTheCheckIn() {
    List<ReferralSummary> window = new ArrayList<>();
    for (String p : List.of("p-1", "p-2", "p-3", "p-4", "p-5", "p-unknown", "p-typo")) {
      window.add(movedIn(p));
    }
    when(referrals.summariesCreatedSince(any(), anyInt())).thenReturn(window);
    when(residents.checkedInAt(any())).thenReturn(Map.of(
        "p-1", NOW.minus(Duration.ofDays(1)), "p-2", NOW.minus(Duration.ofDays(2)), "p-3", NOW.minus(Duration.ofDays(3)),
        "p-4", NOW.minus(Duration.ofDays(4)), "p-5", NOW.minus(Duration.ofDays(50)), "p-typo", NOW.plus(Duration.ofDays(3))));

    SmallCounts.DayPercentiles days = figures(100).compute().checkInToMoveIn();

    assertThat(days.samples()).isEqualTo(new Count(5, false));
    assertThat(days.p50Days()).isEqualTo(3);
    assertThat(days.p90Days()).isEqualTo(50);
  }

  @Test
  void offersFallIntoBucketsFromZeroToThreeOrMoreAndDeclinesAreCountedPerDecline() {
    List<ReferralSummary> window = new ArrayList<>();
    for (int offers : List.of(0, 1, 2, 3, 7)) {
      for (int i = 0; i < 5; i++) {
        window.add(new ReferralSummary(ReferralStatus.OPEN, "p", null, offers, List.of(DeclineReason.OTHER)));
      }
    }
    when(referrals.summariesCreatedSince(any(), anyInt())).thenReturn(window);
    when(referrals.countActiveWithoutProgressSince(any())).thenReturn(7L);

    ReferralFigures.Report report = figures(100).compute();

    assertThat(report.offersPerReferral().distribution())
        .extracting(ReferralFigures.OfferBucket::offers, ReferralFigures.OfferBucket::referrals)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("0", new Count(5, false)),
            org.assertj.core.groups.Tuple.tuple("1", new Count(5, false)),
            org.assertj.core.groups.Tuple.tuple("2", new Count(5, false)),
            org.assertj.core.groups.Tuple.tuple("3+", new Count(10, false)));
    assertThat(report.offersPerReferral().mean().value()).isEqualTo(2.6); // 65 / 25
    assertThat(report.declinesByReason().get(DeclineReason.OTHER)).isEqualTo(new Count(25, false));
    assertThat(report.declinesByReason().get(DeclineReason.TOO_FAR)).isEqualTo(new Count(null, true));
    assertThat(report.stalledReferrals()).isEqualTo(new Count(7, false));
    verify(referrals).countActiveWithoutProgressSince(eq(NOW.minus(Duration.ofDays(7))));
  }

  @Test
  void noSmallCountCanBeWorkedOutFromTheTotalAndTheOtherCells() {
    List<ReferralSummary> window = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      window.add(new ReferralSummary(ReferralStatus.OPEN, "p-open-" + i, null, i < 6 ? 0 : 1, List.of()));
    }
    for (int i = 0; i < 3; i++) {
      window.add(new ReferralSummary(ReferralStatus.MOVED_IN, "p-moved-" + i, TODAY, 2, List.of()));
    }
    when(referrals.summariesCreatedSince(any(), anyInt())).thenReturn(window);

    ReferralFigures.Report report = figures(100).compute();

    // Suppressing only the small counts, 12 referrals - 9 open = 3 in the hidden statuses together,
    // and as only MOVED_IN is not OPEN or empty among the statuses of the window, 3 moved in.
    assertThat(report.offersPerReferral().mean().samples()).isEqualTo(new Count(12, false));
    assertThat(report.referralsByStatus().get(ReferralStatus.MOVED_IN).suppressed()).isTrue();
    assertThat(report.referralsByStatus().get(ReferralStatus.OPEN)).isEqualTo(new Count(null, true));
    List<ReferralFigures.OfferBucket> buckets = report.offersPerReferral().distribution();
    assertThat(buckets).extracting(ReferralFigures.OfferBucket::referrals).containsExactly(
        new Count(6, false), new Count(null, true), new Count(null, true), new Count(null, true));
  }
}
