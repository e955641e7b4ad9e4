package org.safebed.occupancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safebed.occupancy.domain.Fixtures.MINOR_GIRLS;
import static org.safebed.occupancy.domain.Fixtures.T0;
import static org.safebed.occupancy.domain.Fixtures.girlOf14At;
import static org.safebed.occupancy.domain.Fixtures.held;
import static org.safebed.occupancy.domain.Fixtures.pending;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementTest {

  private static final Duration CEILING = Duration.ofHours(3);

  private final Instant expiry = T0.plus(Duration.ofMinutes(60));

  @Test
  void holdingABedRecordsBedHeldWithCoarseAreasOnly() {
    GeoPoint found = new GeoPoint(48.9362, 2.3574);
    GeoPoint exactShelter = new GeoPoint(48.7523, 2.2514);
    Shelter shelter = Fixtures.shelter("s-1", exactShelter, MINOR_GIRLS);

    Placement.Change change = pending(girlOf14At(found)).holdBed(shelter, "s-1-bed-1", expiry, T0);

    assertThat(change.placement().status()).isEqualTo(PlacementStatus.HELD);
    assertThat(change.placement().holdExpiresAt()).isEqualTo(expiry);
    assertThat(change.placement().initialOutcome()).isEqualTo(PlacementStatus.HELD);
    PlacementEvent.BedHeld event = (PlacementEvent.BedHeld) change.events().getFirst();
    assertThat(event.minor()).isTrue();
    assertThat(event.pickupArea()).isEqualTo(new GeoPoint(48.94, 2.36));
    assertThat(event.destinationArea()).isEqualTo(new GeoPoint(48.75, 2.25));
    assertThat(event.toString()).doesNotContain("48.7523", "2.2514", "48.9362", "2.3574", "sealed");
  }

  @Test
  void bedHeldCarriesHerEscortPreferencesWhenSheGaveThem() {
    PlacementRequest request = new PlacementRequest(new Person(14, Gender.FEMALE), Set.of(), new GeoPoint(48.9, 2.3),
        List.of(), Set.of(), Set.of("ro", "fr"), Set.of(), null, Urgency.NORMAL, EscortGender.FEMALE);
    Shelter shelter = Fixtures.shelter("s-1", new GeoPoint(48.75, 2.25), MINOR_GIRLS);

    PlacementEvent.BedHeld event = (PlacementEvent.BedHeld)
        pending(request).holdBed(shelter, "s-1-bed-1", expiry, T0).events().getFirst();

    assertThat(event.escortGender()).isEqualTo(EscortGender.FEMALE);
    assertThat(event.languages()).containsExactlyInAnyOrder("fr", "ro");
  }

  @Test
  void aWaitlistedPlacementAnswersWaitlistedEvenAfterItGetsABed() {
    Placement waitlisted = pending(girlOf14At(new GeoPoint(1, 1))).waitlist(T0).placement();
    assertThat(waitlisted.status()).isEqualTo(PlacementStatus.WAITLISTED);

    Placement later = waitlisted.holdBed(Fixtures.shelter("s", new GeoPoint(1, 1.1), MINOR_GIRLS), "b", expiry, T0)
        .placement();

    assertThat(later.status()).isEqualTo(PlacementStatus.HELD);
    assertThat(later.initialOutcome()).isEqualTo(PlacementStatus.WAITLISTED);
  }

  @Test
  void waitlistingRecordsNoEventBecauseNobodyConsumesIt() {
    assertThat(pending(girlOf14At(new GeoPoint(1, 1))).waitlist(T0).events()).isEmpty();
  }

  @Test
  void aHoldExpiresOnlyOnceItsTimeHasCome() {
    Placement placement = held(expiry);

    assertThat(placement.holdHasExpired(expiry.minusSeconds(1))).isFalse();
    assertThatThrownBy(() -> placement.expireHold(expiry.minusSeconds(1)))
        .isInstanceOf(IllegalTransitionException.class);
    Placement.Change expired = placement.expireHold(expiry);
    assertThat(expired.placement().status()).isEqualTo(PlacementStatus.HOLD_EXPIRED);
    assertThat(expired.events()).containsExactly(new PlacementEvent.HoldExpired("p-1", "s-1"));
    assertThat(expired.placement().holdExpiresAt()).isNull();
  }

  @Test
  void checkInTurnsTheHoldIntoOccupancyAndIsIdempotent() {
    Placement.Change in = held(expiry).checkIn(T0);

    assertThat(in.placement().status()).isEqualTo(PlacementStatus.CHECKED_IN);
    assertThat(in.events()).containsExactly(new PlacementEvent.CheckedIn("p-1", "s-1", "region-x"));
    Placement.Change again = in.placement().checkIn(T0);
    assertThat(again.changed()).isFalse();
    assertThat(again.events()).isEmpty();
    assertThat(in.placement().holdHasExpired(expiry.plusSeconds(3600))).isFalse();
  }

  @Test
  void onlyHeldOrWaitingPlacementsCanBeCancelled() {
    Placement.Change cancelled = held(expiry).cancel(T0);
    assertThat(cancelled.placement().status()).isEqualTo(PlacementStatus.CANCELLED);
    assertThat(cancelled.events()).containsExactly(new PlacementEvent.Cancelled("p-1", "s-1"));
    assertThat(cancelled.placement().cancel(T0).changed()).isFalse();

    Placement.Change waitlistedCancel = pending(girlOf14At(new GeoPoint(1, 1))).waitlist(T0).placement().cancel(T0);
    assertThat(waitlistedCancel.placement().status()).isEqualTo(PlacementStatus.CANCELLED);
    assertThat(waitlistedCancel.events()).as("transport never heard of it").isEmpty();

    Placement checkedIn = held(expiry).checkIn(T0).placement();
    assertThatThrownBy(() -> checkedIn.cancel(T0)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void checkOutFreesTheBedWithAReason() {
    Placement checkedIn = held(expiry).checkIn(T0).placement();

    Placement.Change out = checkedIn.checkOut(CheckOutReason.MOVED_TO_RENTAL, T0);

    assertThat(out.placement().status()).isEqualTo(PlacementStatus.CHECKED_OUT);
    assertThat(out.events()).containsExactly(new PlacementEvent.CheckedOut("p-1", "s-1", CheckOutReason.MOVED_TO_RENTAL));
    assertThat(out.placement().checkOut(CheckOutReason.OTHER, T0).changed()).isFalse();
    assertThatThrownBy(() -> held(expiry).checkOut(CheckOutReason.OTHER, T0))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void anAssignedDriverExtendsTheHoldToArrivalPlusMarginButNeverShortensIt() {
    Placement placement = held(expiry);
    Instant assignedAt = T0.plus(Duration.ofMinutes(10));

    Placement longDrive = placement
        .transportAssigned("job-1", "driver-1", 90, assignedAt, assignedAt, Duration.ofMinutes(15), CEILING).placement();
    Placement shortDrive = placement
        .transportAssigned("job-1", "driver-1", 5, assignedAt, assignedAt, Duration.ofMinutes(15), CEILING).placement();

    assertThat(longDrive.holdExpiresAt()).isEqualTo(assignedAt.plus(Duration.ofMinutes(105)));
    assertThat(shortDrive.holdExpiresAt()).isEqualTo(expiry);
    assertThat(longDrive.transport().status()).isEqualTo(TransportStatus.ASSIGNED);
    assertThat(longDrive.transport().etaMinutes()).isEqualTo(90);
  }

  @Test
  void noEtaExtendsTheHoldBeyondTheCeilingPastItsOriginalExpiry() {
    Instant at = T0.plusSeconds(60);
    Placement farDriver = held(expiry)
        .transportAssigned("job-1", "driver-1", 22_553, at, at, Duration.ofMinutes(15), CEILING).placement();

    assertThat(farDriver.holdExpiresAt()).isEqualTo(expiry.plus(CEILING));
    assertThat(farDriver.hold().originalExpiresAt()).isEqualTo(expiry);

    Placement reassigned = farDriver.transportAssigned(
        "job-1", "driver-2", 600, at.plus(Duration.ofHours(2)), at, Duration.ofMinutes(15), CEILING).placement();
    assertThat(reassigned.holdExpiresAt()).as("a later assignment counts from the original expiry too")
        .isEqualTo(expiry.plus(CEILING));
  }

  @Test
  void theFirstAssignmentIsKeptThroughReassignmentsANewJobAndLateEvents() {
    Instant first = T0.plus(Duration.ofMinutes(12));
    Placement assigned = held(expiry)
        .transportAssigned("job-1", "driver-1", 20, first, first, Duration.ofMinutes(15), CEILING).placement();
    assertThat(assigned.firstAssignedAt()).isEqualTo(first);

    Placement reassigned = assigned.transportAssigned("job-1", "driver-2", 20, first.plus(Duration.ofMinutes(30)),
        first, Duration.ofMinutes(15), CEILING).placement();
    Placement replanned = reassigned.transportAssigned("job-2", "driver-3", 20, first.plus(Duration.ofMinutes(50)),
        first, Duration.ofMinutes(15), CEILING).placement();
    assertThat(replanned.transport().driverAt()).isEqualTo(first.plus(Duration.ofMinutes(50)));
    assertThat(replanned.firstAssignedAt()).as("held to assigned counts to the first driver").isEqualTo(first);

    Placement.Change earlierArrivingLate = replanned.transportAssigned("job-1", "driver-0", 20,
        first.minus(Duration.ofMinutes(2)), first, Duration.ofMinutes(15), CEILING);
    assertThat(earlierArrivingLate.changed()).isTrue();
    assertThat(earlierArrivingLate.placement().firstAssignedAt()).isEqualTo(first.minus(Duration.ofMinutes(2)));
    assertThat(earlierArrivingLate.placement().transport()).as("a stale job changes no progress").isEqualTo(replanned.transport());
  }

  @Test
  void aRedeliveredAssignmentChangesNothing() {
    Instant at = T0.plusSeconds(60);
    Placement once = held(expiry).transportAssigned("job-1", "driver-1", 90, at, at, Duration.ofMinutes(15), CEILING)
        .placement();

    Placement.Change twice = once.transportAssigned("job-1", "driver-1", 90, at, at.plusSeconds(300),
        Duration.ofMinutes(15), CEILING);

    assertThat(twice.changed()).isFalse();
  }

  @Test
  void theDestinationIsForTheAssignedDriverOnTheJobWhileTheBedIsHeld() {
    Instant at = T0.plusSeconds(60);
    Placement assigned = held(expiry).transportAssigned("job-1", "driver-1", 20, at, at, Duration.ofMinutes(15), CEILING)
        .placement();

    assertThat(assigned.isDestinationFor("driver-1", "job-1")).isTrue();
    assertThat(assigned.isDestinationFor("driver-2", "job-1")).isFalse();
    assertThat(assigned.isDestinationFor("driver-1", "job-2")).isFalse();
    assertThat(held(expiry).isDestinationFor("driver-1", "job-1")).as("nobody assigned").isFalse();
    assertThat(assigned.cancel(T0).placement().isDestinationFor("driver-1", "job-1")).isFalse();
    assertThat(assigned.checkIn(T0).placement().isDestinationFor("driver-1", "job-1")).isFalse();
    Placement failed = assigned.transportProgressed("job-1", TransportStatus.FAILED, at.plusSeconds(1), at)
        .placement();
    assertThat(failed.isDestinationFor("driver-1", "job-1")).isFalse();
  }

  @Test
  void theDestinationStaysForItsDriverDuringTheGraceAfterDeliveryNeverLonger() {
    Duration grace = Duration.ofMinutes(15);
    Instant at = T0.plusSeconds(60);
    Instant deliveredAt = at.plus(Duration.ofMinutes(20));
    Placement delivered = held(expiry)
        .transportAssigned("job-1", "driver-1", 20, at, at, Duration.ofMinutes(15), CEILING).placement()
        .transportProgressed("job-1", TransportStatus.DELIVERED, deliveredAt, deliveredAt).placement();
    Instant justAfter = deliveredAt.plusSeconds(30);
    Instant afterGrace = deliveredAt.plus(grace).plusSeconds(1);

    assertThat(delivered.isDestinationFor("driver-1", "job-1", grace, justAfter)).isTrue();
    assertThat(delivered.isDestinationFor("driver-1", "job-1", grace, afterGrace)).isFalse();
    assertThat(delivered.isDestinationFor("driver-2", "job-1", grace, justAfter)).isFalse();
    assertThat(delivered.isDestinationFor("driver-1", "job-2", grace, justAfter)).isFalse();
    assertThat(delivered.checkIn(justAfter).placement().isDestinationFor("driver-1", "job-1", grace, justAfter))
        .as("checked in at the door: the hand-over's grace still runs").isTrue();
    assertThat(delivered.cancel(justAfter).placement().isDestinationFor("driver-1", "job-1", grace, justAfter))
        .as("a cancelled placement has no destination").isFalse();
    assertThat(delivered.isDestinationFor("driver-1", "job-1")).as("the pick-up point's rule: under way only").isFalse();
  }
}
