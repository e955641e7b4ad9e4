package org.safebed.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralSummaryTest {

  private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

  @Test
  void everyOfferedStepIsAnOfferWhateverBecameOfIt() {
    List<Step> steps = List.of(
        new Step(ReferralStatus.OPEN, T, "CREATED"),
        new Step(ReferralStatus.OFFERED, T, "OFFERED"),
        new Step(ReferralStatus.OPEN, T, "DECLINED_TOO_FAR"),
        new Step(ReferralStatus.OFFERED, T, "OFFERED"),
        new Step(ReferralStatus.OPEN, T, "OFFER_EXPIRED"),
        new Step(ReferralStatus.OFFERED, T, "OFFERED"),
        new Step(ReferralStatus.ACCEPTED, T, "ACCEPTED"));
    List<Decline> declines = List.of(new Decline("unit-1", DeclineReason.TOO_FAR, T));

    ReferralSummary summary = ReferralSummary.of(ReferralStatus.ACCEPTED, "p-1", null, steps, declines);

    assertThat(summary.offers()).isEqualTo(3);
    assertThat(summary.declineReasons()).containsExactly(DeclineReason.TOO_FAR);
  }
}
