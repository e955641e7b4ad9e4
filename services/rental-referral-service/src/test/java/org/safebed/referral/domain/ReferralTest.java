package org.safebed.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safebed.referral.domain.Fixtures.T0;
import static org.safebed.referral.domain.Fixtures.TTL;
import static org.safebed.referral.domain.Fixtures.referral;
import static org.safebed.referral.domain.Fixtures.unit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReferralTest {

  private static final RentalUnit UNIT = unit("unit-1", "central");
  private static final LocalDate MOVE_IN = LocalDate.of(2026, 12, 1);

  private static Referral offered() {
    return referral().offer(UNIT, T0, TTL).after();
  }

  private static Referral accepted() {
    return offered().accept(T0.plusSeconds(60)).after();
  }

  @Test
  void newReferralIsOpenWithItsFirstStep() {
    Referral referral = referral();
    assertThat(referral.status()).isEqualTo(ReferralStatus.OPEN);
    assertThat(referral.steps()).extracting(Step::status).containsExactly(ReferralStatus.OPEN);
    assertThat(referral.unitId()).isEmpty();
  }

  @Test
  void offerHoldsTheUnitUntilItsExpiry() {
    ReferralChange change = referral().offer(UNIT, T0, TTL);
    assertThat(change.after().status()).isEqualTo(ReferralStatus.OFFERED);
    assertThat(change.after().offer().expiresAt()).isEqualTo(T0.plus(TTL));
    assertThat(change.after().unitId()).contains("unit-1");
    assertThat(change.releasedUnitId()).isEmpty();
    assertThat(change.events()).isEmpty();
  }

  @Test
  void onlyAnOpenReferralCanBeOfferedAUnit() {
    assertThatThrownBy(() -> offered().offer(unit("unit-2", "central"), T0, TTL))
        .isInstanceOf(InvalidTransitionException.class);
  }

  @Test
  void acceptanceIsRecordedOnceAndRepeatingItChangesNothing() {
    Referral accepted = accepted();
    assertThat(accepted.status()).isEqualTo(ReferralStatus.ACCEPTED);
    assertThat(accepted.offer().acceptedAt()).isEqualTo(T0.plusSeconds(60));
    ReferralChange again = accepted.accept(T0.plusSeconds(120));
    assertThat(again.changed()).isFalse();
    assertThat(again.after()).isSameAs(accepted);
  }

  @Test
  void anExpiredOfferCannotBeAccepted() {
    assertThatThrownBy(() -> offered().accept(T0.plus(TTL)))
        .isInstanceOf(InvalidTransitionException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void anOpenReferralHasNothingToAccept() {
    assertThatThrownBy(() -> referral().accept(T0)).isInstanceOf(InvalidTransitionException.class);
  }

  @Test
  void declineReturnsTheUnitAndReopensTheReferral() {
    ReferralChange change = offered().decline(DeclineReason.TOO_FAR, T0.plusSeconds(30));
    assertThat(change.after().status()).isEqualTo(ReferralStatus.OPEN);
    assertThat(change.after().offer()).isNull();
    assertThat(change.releasedUnitId()).contains("unit-1");
    assertThat(change.after().declines()).containsExactly(new Decline("unit-1", DeclineReason.TOO_FAR, T0.plusSeconds(30)));
    assertThat(change.after().steps().getLast().cause()).isEqualTo("DECLINED_TOO_FAR");
  }

  @Test
  void theResidentMayStillDeclineAfterAccepting() {
    assertThat(accepted().decline(DeclineReason.UNSAFE_AREA, T0.plusSeconds(90)).releasedUnitId()).contains("unit-1");
  }

  @Test
  void nothingToDeclineWhenOpen() {
    assertThatThrownBy(() -> referral().decline(DeclineReason.OTHER, T0)).isInstanceOf(InvalidTransitionException.class);
  }

  @Test
  void offerExpiresOnlyWhenDueAndUnanswered() {
    assertThat(offered().expireOfferIfDue(T0.plus(TTL).minusSeconds(1)).changed()).isFalse();
    assertThat(accepted().expireOfferIfDue(T0.plus(TTL).plusSeconds(1)).changed()).isFalse();
    ReferralChange expired = offered().expireOfferIfDue(T0.plus(TTL));
    assertThat(expired.after().status()).isEqualTo(ReferralStatus.OPEN);
    assertThat(expired.releasedUnitId()).contains("unit-1");
    assertThat(expired.after().steps().getLast().cause()).isEqualTo("OFFER_EXPIRED");
  }

  @Test
  void moveInLetsTheUnitAndStartsTheTenancy() {
    Instant now = T0.plusSeconds(3600);
    ReferralChange change = accepted().moveIn(MOVE_IN, now);
    assertThat(change.after().status()).isEqualTo(ReferralStatus.MOVED_IN);
    assertThat(change.after().moveInDate()).isEqualTo(MOVE_IN);
    assertThat(change.releasedUnitId()).isEmpty();
    assertThat(change.events())
        .containsExactly(new TenancyStarted("ref-1", "placement-1", "unit-1", MOVE_IN, "central"));
  }

  @Test
  void repeatingTheSameMoveInChangesNothingAndEmitsNothing() {
    Referral movedIn = accepted().moveIn(MOVE_IN, T0).after();
    ReferralChange again = movedIn.moveIn(MOVE_IN, T0.plusSeconds(5));
    assertThat(again.changed()).isFalse();
    assertThat(again.events()).isEmpty();
    assertThatThrownBy(() -> movedIn.moveIn(MOVE_IN.plusDays(1), T0)).isInstanceOf(InvalidTransitionException.class);
  }

  @Test
  void moveInNeedsAnAcceptedOffer() {
    assertThatThrownBy(() -> offered().moveIn(MOVE_IN, T0)).isInstanceOf(InvalidTransitionException.class);
    assertThatThrownBy(() -> referral().moveIn(MOVE_IN, T0)).isInstanceOf(InvalidTransitionException.class);
  }

  @Test
  void moveInDateFarFromTodayIsRefused() {
    assertThatThrownBy(() -> accepted().moveIn(LocalDate.of(2028, 1, 1), T0)).isInstanceOf(RuleViolationException.class);
    assertThatThrownBy(() -> accepted().moveIn(LocalDate.of(2026, 9, 1), T0)).isInstanceOf(RuleViolationException.class);
  }

  @Test
  void closingReleasesAHeldUnitAndIsFinal() {
    ReferralChange closed = accepted().close("RESIDENT_CHECKED_OUT", T0.plusSeconds(100));
    assertThat(closed.after().status()).isEqualTo(ReferralStatus.CLOSED);
    assertThat(closed.after().closedReason()).isEqualTo("RESIDENT_CHECKED_OUT");
    assertThat(closed.releasedUnitId()).contains("unit-1");
    assertThat(referral().close("X", T0).releasedUnitId()).isEmpty();
    assertThat(closed.after().close("X", T0).changed()).isFalse();
    Referral movedIn = accepted().moveIn(MOVE_IN, T0).after();
    assertThat(movedIn.close("RESIDENT_CHECKED_OUT", T0).changed()).isFalse();
  }

  @Test
  void stalledWhenActiveWithoutProgressForTooLong() {
    Duration week = Duration.ofDays(7);
    assertThat(offered().stalledAt(T0.plus(week).minusSeconds(1), week)).isFalse();
    assertThat(offered().stalledAt(T0.plus(week).plusSeconds(1), week)).isTrue();
    Referral movedIn = accepted().moveIn(MOVE_IN, T0).after();
    assertThat(movedIn.stalledAt(T0.plus(Duration.ofDays(30)), week)).isFalse();
  }

  @Test
  void everyStepIsRecordedWithItsTime() {
    Referral movedIn = accepted().moveIn(MOVE_IN, T0.plusSeconds(3600)).after();
    assertThat(movedIn.steps())
        .extracting(Step::status)
        .containsExactly(ReferralStatus.OPEN, ReferralStatus.OFFERED, ReferralStatus.ACCEPTED, ReferralStatus.MOVED_IN);
    assertThat(movedIn.lastProgressAt()).isEqualTo(T0.plusSeconds(3600));
  }
}
