package org.safebed.transport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safebed.transport.domain.Jobs.T0;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransportJobTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final Duration GRACE = Duration.ofMinutes(15);
  private final Driver anna = Jobs.driver("anna", 48.87, 2.36, true);

  @Test
  void idDerivesFromThePlacementSoDuplicatesMeetTheSameJob() {
    assertThat(TransportJob.idFor("plc-1")).isEqualTo("job-plc-1");
    assertThat(Jobs.pending("plc-1", true).id()).isEqualTo("job-plc-1");
  }

  @Test
  void offerNamesTheDriverTheEtaAndWhenTheOfferRunsOut() {
    TransportJob job = Jobs.pending("plc-1", true);
    TravelTime eta = new TravelTime(25, EtaSource.STRAIGHT_LINE);

    Transition offer = job.offerTo(anna, eta, T0, TIMEOUT);

    assertThat(job.status()).isEqualTo(JobStatus.OFFERED);
    assertThat(job.driverSubject()).isEqualTo("acct-anna");
    assertThat(job.offerExpiresAt()).isEqualTo(T0.plus(TIMEOUT));
    assertThat(offer.events())
        .containsExactly(new TransportEvent.DriverAssigned("job-plc-1", "plc-1", "acct-anna", eta));
  }

  @Test
  void theFullJourneyEmitsPickedUpAndDelivered() {
    TransportJob job = Jobs.offered("plc-1", anna);

    assertThat(job.accept("acct-anna", T0).events()).isEmpty();
    assertThat(job.pickUp("acct-anna", T0).events())
        .containsExactly(new TransportEvent.PickedUp("job-plc-1", "plc-1"));
    assertThat(job.deliver("acct-anna", T0).events())
        .containsExactly(new TransportEvent.Delivered("job-plc-1", "plc-1"));
    assertThat(job.status()).isEqualTo(JobStatus.DELIVERED);
    assertThat(job.deliveredAt()).isEqualTo(T0);
  }

  @Test
  void repeatingTheStepJustTakenChangesNothing() {
    TransportJob job = Jobs.offered("plc-1", anna);
    job.accept("acct-anna", T0);

    Transition again = job.accept("acct-anna", T0.plusSeconds(5));

    assertThat(again.changed()).isFalse();
    assertThat(again.events()).isEmpty();
  }

  @Test
  void stepsOutOfOrderAreRefused() {
    TransportJob job = Jobs.offered("plc-1", anna);

    assertThatThrownBy(() -> job.pickUp("acct-anna", T0)).isInstanceOf(IllegalTransition.class);
    assertThatThrownBy(() -> job.deliver("acct-anna", T0)).isInstanceOf(IllegalTransition.class);
    job.accept("acct-anna", T0);
    assertThatThrownBy(() -> job.decline("acct-anna", T0)).isInstanceOf(IllegalTransition.class);
    assertThat(job.status()).isEqualTo(JobStatus.ACCEPTED);
  }

  @Test
  void onlyTheAssignedDriverMayMoveTheJob() {
    TransportJob job = Jobs.offered("plc-1", anna);

    assertThatThrownBy(() -> job.accept("acct-someone-else", T0)).isInstanceOf(TransportJob.NotAssigned.class);
    assertThat(job.status()).isEqualTo(JobStatus.OFFERED);
  }

  @Test
  void declineSendsTheJobBackAndNeverToThatDriverAgain() {
    TransportJob job = Jobs.offered("plc-1", anna);

    job.decline("acct-anna", T0);

    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.driverSubject()).isNull();
    assertThat(job.eta()).isNull();
    assertThat(job.excludedDriverIds()).containsExactly("anna");
    assertThat(anna.mayTake(job)).isFalse();
  }

  @Test
  void anOfferExpiresOnlyOnceItsTimeHasCome() {
    TransportJob job = Jobs.offered("plc-1", anna);

    assertThat(job.offerExpired(T0.plus(TIMEOUT).minusSeconds(1)).changed()).isFalse();
    assertThat(job.offerExpired(T0.plus(TIMEOUT)).changed()).isTrue();
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.excludedDriverIds()).containsExactly("anna");
  }

  @Test
  void anAcceptedOfferDoesNotExpire() {
    TransportJob job = Jobs.offered("plc-1", anna);
    job.accept("acct-anna", T0);

    assertThat(job.offerExpired(T0.plus(Duration.ofHours(1))).changed()).isFalse();
    assertThat(job.status()).isEqualTo(JobStatus.ACCEPTED);
  }

  @Test
  void noDriverLeavesTheJobUnassignedAndSaysSo() {
    TransportJob job = Jobs.pending("plc-1", true);

    Transition failed = job.noDriverAvailable(T0);

    assertThat(job.status()).isEqualTo(JobStatus.UNASSIGNED);
    assertThat(failed.events())
        .containsExactly(new TransportEvent.AssignmentFailed("job-plc-1", "plc-1", UnassignedReason.NO_DRIVER));
  }

  @Test
  void cancellationEndsAnyJobNotYetDelivered() {
    TransportJob pickedUp = Jobs.offered("plc-1", anna);
    pickedUp.accept("acct-anna", T0);
    pickedUp.pickUp("acct-anna", T0);

    assertThat(pickedUp.cancel(T0, T0).changed()).isTrue();
    assertThat(pickedUp.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(pickedUp.cancel(T0, T0).changed()).isFalse();
  }

  @Test
  void aDeliveredJobCompletesOnCheckIn() {
    TransportJob job = delivered();

    assertThat(job.complete(T0.plusSeconds(1), T0).changed()).isTrue();
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.complete(T0.plusSeconds(1), T0).changed()).isFalse();
    assertThat(job.cancel(T0.plusSeconds(2), T0).changed()).as("only the end is remembered").isTrue();
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void aDeliveredJobWhosePlacementIsCancelledOrExpiresIsCompleteNeverLeftDelivered() {
    TransportJob job = delivered();

    assertThat(job.cancel(T0, T0).changed()).isTrue();

    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.status().isFinal()).isTrue();
    assertThat(job.endedAt()).isEqualTo(T0);
    assertThat(job.cancel(T0, T0).changed()).as("a duplicate changes nothing").isFalse();
    assertThat(job.complete(T0, T0).changed()).as("nor does a check-in after it").isFalse();
  }

  @Test
  void everyJobIsFinalOnceItsPlacementEndsWhateverStateItIsIn() {
    for (JobStatus reached : JobStatus.values()) {
      for (boolean cancelled : new boolean[] {true, false}) {
        TransportJob job = inStatus(reached);
        if (cancelled) {
          job.cancel(T0.plusSeconds(5), T0);
        } else {
          job.complete(T0.plusSeconds(5), T0);
        }
        assertThat(job.status().isFinal()).as(reached + (cancelled ? " then cancelled" : " then checked in")).isTrue();
      }
      TransportJob replaced = inStatus(reached);
      replaced.replaceBy("job-plc-1-next", T0);
      assertThat(replaced.status().isFinal()).as(reached + " then held again").isTrue();
    }
  }

  private TransportJob delivered() {
    TransportJob job = Jobs.offered("plc-1", anna);
    job.accept("acct-anna", T0);
    job.pickUp("acct-anna", T0);
    job.deliver("acct-anna", T0);
    return job;
  }

  /** A pick-up (or, for SCHEDULED, a move) that reached {@code status}. */
  private TransportJob inStatus(JobStatus status) {
    return switch (status) {
      case SCHEDULED -> TransportJob.move("ref-1", "plc-1", "central", new GeoPoint(48.85, 2.40),
          EscortNeeds.of(true), T0.plus(Duration.ofDays(2)), T0);
      case PENDING -> Jobs.pending("plc-1", true);
      case OFFERED -> Jobs.offered("plc-1", anna);
      case ACCEPTED, PICKED_UP, DELIVERED -> {
        TransportJob job = Jobs.offered("plc-1", anna);
        job.accept("acct-anna", T0);
        if (status != JobStatus.ACCEPTED) {
          job.pickUp("acct-anna", T0);
        }
        if (status == JobStatus.DELIVERED) {
          job.deliver("acct-anna", T0);
        }
        yield job;
      }
      case COMPLETED -> {
        TransportJob job = Jobs.pending("plc-1", true);
        job.complete(T0, T0);
        yield job;
      }
      case CANCELLED -> TransportJob.tombstone("plc-1", JobStatus.CANCELLED, T0, T0);
      case UNASSIGNED -> {
        TransportJob job = Jobs.pending("plc-1", true);
        job.noDriverAvailable(T0);
        yield job;
      }
    };
  }

  @Test
  void aTombstoneStaysFinal() {
    TransportJob tombstone = TransportJob.tombstone("plc-1", JobStatus.CANCELLED, T0, T0);

    assertThat(tombstone.id()).isEqualTo("job-plc-1");
    assertThat(tombstone.awaitsDriver()).isFalse();
    assertThat(tombstone.complete(T0, T0).changed()).isFalse();
    assertThat(tombstone.lastKnownAt()).isEqualTo(T0);
    assertThatThrownBy(() -> TransportJob.tombstone("plc-1", JobStatus.PENDING, T0, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void destinationIsDisclosedFromAcceptanceUntilGraceAfterDelivery() {
    TransportJob job = Jobs.offered("plc-1", anna);
    assertThat(job.destinationDisclosableTo("acct-anna", T0, GRACE)).as("offered").isFalse();

    job.accept("acct-anna", T0);
    assertThat(job.destinationDisclosableTo("acct-anna", T0, GRACE)).as("accepted").isTrue();
    assertThat(job.destinationDisclosableTo("acct-other", T0, GRACE)).as("another driver").isFalse();

    job.pickUp("acct-anna", T0);
    assertThat(job.destinationDisclosableTo("acct-anna", T0, GRACE)).as("picked up").isTrue();

    job.deliver("acct-anna", T0);
    assertThat(job.destinationDisclosableTo("acct-anna", T0.plus(GRACE).minusSeconds(1), GRACE)).isTrue();
    assertThat(job.destinationDisclosableTo("acct-anna", T0.plus(GRACE), GRACE)).as("after grace").isFalse();

    job.complete(T0.plusSeconds(30), T0.plusSeconds(30));
    assertThat(job.destinationDisclosableTo("acct-anna", T0.plusSeconds(60), GRACE))
        .as("checked in at the door: the grace still runs").isTrue();
    assertThat(job.destinationDisclosableTo("acct-anna", T0.plus(GRACE), GRACE)).isFalse();
  }

  @Test
  void aCheckedInJobThatWasNeverDeliveredDisclosesNothing() {
    TransportJob job = Jobs.offered("plc-1", anna);
    job.accept("acct-anna", T0);
    job.complete(T0, T0);

    assertThat(job.destinationDisclosableTo("acct-anna", T0, GRACE)).isFalse();
  }

  @Test
  void aCancelledJobDisclosesNothing() {
    TransportJob job = Jobs.offered("plc-1", anna);
    job.accept("acct-anna", T0);
    job.cancel(T0, T0);

    assertThat(job.destinationDisclosableTo("acct-anna", T0, GRACE)).isFalse();
  }

  @Test
  void aMoveWaitsForItsDayAndIsNeverAnnounced() {
    TransportJob move =
        TransportJob.move(
            "ref-1", "plc-1", "central", Jobs.PARIS_SHELTER_AREA, EscortNeeds.of(false), T0.plus(Duration.ofDays(2)), T0);

    assertThat(move.id()).isEqualTo("move-ref-1");
    assertThat(move.kind()).isEqualTo(JobKind.MOVE);
    assertThat(move.status()).isEqualTo(JobStatus.SCHEDULED);
    assertThat(move.minor()).as("unknown, so treated as a minor").isTrue();
    assertThat(move.becomeDue(T0.plus(Duration.ofDays(1))).changed()).isFalse();
    assertThat(move.becomeDue(T0.plus(Duration.ofDays(2))).changed()).isTrue();
    assertThat(move.awaitsDriver()).isTrue();

    // Announced with the move's own id, so occupancy can tell it from the pick-up it follows.
    TravelTime eta = new TravelTime(9, EtaSource.ROUTING);
    assertThat(move.offerTo(anna, eta, T0, TIMEOUT).events())
        .containsExactly(new TransportEvent.DriverAssigned("move-ref-1", "plc-1", "acct-anna", eta));
    move.accept("acct-anna", T0);
    assertThat(move.pickUp("acct-anna", T0).events()).containsExactly(new TransportEvent.PickedUp("move-ref-1", "plc-1"));
    assertThat(move.deliver("acct-anna", T0).events()).containsExactly(new TransportEvent.Delivered("move-ref-1", "plc-1"));
    assertThat(move.status()).as("nothing ends a move after its delivery: it is complete").isEqualTo(JobStatus.COMPLETED);
    assertThat(move.deliveredAt()).isEqualTo(T0);
    assertThat(move.deliver("acct-anna", T0).changed()).as("a repeated delivery changes nothing").isFalse();
    assertThat(move.destinationDisclosableTo("acct-anna", T0.plus(GRACE).minusSeconds(1), GRACE)).isTrue();
    assertThat(move.destinationDisclosableTo("acct-anna", T0.plus(GRACE), GRACE)).isFalse();
  }

  @Test
  void aMoveWithoutAKnownShelterAreaWaitsForCoordinators() {
    TransportJob move = TransportJob.move("ref-1", "plc-1", "central", null, EscortNeeds.of(false), T0, T0);

    assertThat(move.status()).isEqualTo(JobStatus.UNASSIGNED);
    assertThat(move.unassignedReason()).isEqualTo(UnassignedReason.UNKNOWN_PICKUP_AREA);
  }

  @Test
  void aMoveDueAlreadyWaitsForADriverAtOnce() {
    assertThat(TransportJob.move("ref-1", "plc-1", "central", Jobs.PARIS_SHELTER_AREA, EscortNeeds.of(false), T0, T0).status())
        .isEqualTo(JobStatus.PENDING);
  }
  @Test
  void anUnassignedJobMayBeOfferedAgainAndTheOfferIsAnnounced() {
    TransportJob job = Jobs.pending("plc-1", false);
    job.noDriverAvailable(T0);
    assertThat(job.mayBeOfferedAgain()).isTrue();
    TravelTime eta = new TravelTime(12, EtaSource.ROUTING);

    Transition offer = job.offerTo(anna, eta, T0.plusSeconds(60), TIMEOUT);

    assertThat(job.status()).isEqualTo(JobStatus.OFFERED);
    assertThat(job.unassignedReason()).isNull();
    assertThat(offer.events()).containsExactly(new TransportEvent.DriverAssigned("job-plc-1", "plc-1", "acct-anna", eta));
  }

  @Test
  void aJobWithoutAPickupAreaIsNeverOfferedAgain() {
    TransportJob move = TransportJob.move("ref-1", "plc-1", "central", null, EscortNeeds.of(false), T0, T0);

    assertThat(move.mayBeOfferedAgain()).isFalse();
    assertThatThrownBy(() -> move.offerTo(anna, new TravelTime(5, EtaSource.ROUTING), T0, TIMEOUT))
        .isInstanceOf(IllegalTransition.class);
  }

  @Test
  void onlyAnOfferOrAnUnassignedJobCanBeOffered() {
    TransportJob accepted = Jobs.offered("plc-1", anna);
    accepted.accept("acct-anna", T0);

    assertThatThrownBy(() -> accepted.offerTo(anna, new TravelTime(5, EtaSource.ROUTING), T0, TIMEOUT))
        .isInstanceOf(IllegalTransition.class);
  }

  @Test
  void aCoordinatorsReofferForgetsWhoDeclinedButKeepsTheJobUnassigned() {
    TransportJob job = Jobs.offered("plc-1", anna);
    job.decline("acct-anna", T0);
    job.noDriverAvailable(T0);

    Transition forgotten = job.forgetDeclines(T0.plusSeconds(5));

    assertThat(forgotten.changed()).isTrue();
    assertThat(forgotten.events()).isEmpty();
    assertThat(job.excludedDriverIds()).isEmpty();
    assertThat(job.status()).isEqualTo(JobStatus.UNASSIGNED);
    assertThat(job.unassignedReason()).isEqualTo(UnassignedReason.NO_DRIVER);
    assertThat(anna.mayTake(job)).isTrue();
    assertThat(job.forgetDeclines(T0).changed()).as("nothing left to forget").isFalse();
    assertThatThrownBy(() -> Jobs.offered("plc-2", anna).forgetDeclines(T0)).isInstanceOf(IllegalTransition.class);
  }

  @Test
  void aJobReplacedByANewHoldIsCancelledAndNamesItsSuccessor() {
    TransportJob job = Jobs.offered("plc-1", anna);

    Transition replaced = job.replaceBy("job-plc-1-abc", T0);

    assertThat(replaced.changed()).isTrue();
    assertThat(replaced.events()).isEmpty();
    assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(job.successorId()).isEqualTo("job-plc-1-abc");
    assertThat(job.replaceBy("job-plc-1-abc", T0).changed()).as("repeated").isFalse();
    assertThatThrownBy(() -> job.replaceBy("job-plc-1-def", T0)).isInstanceOf(IllegalTransition.class);
  }

  @Test
  void aDeliveredJobReplacedByANewHoldIsComplete() {
    TransportJob job = delivered();

    job.replaceBy("job-plc-1-abc", T0);

    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.isReplaced()).isTrue();
  }

  @Test
  void aLaterHoldGetsAJobIdOfItsOwnDerivedFromItsEvent() {
    String first = TransportJob.successorIdFor("plc-1", "8f0c2a1e-77aa-4b1c-9d2e-0123456789ab");

    assertThat(first).isEqualTo("job-plc-1-8f0c2a1e77aa");
    assertThat(TransportJob.successorIdFor("plc-1", "8f0c2a1e-77aa-4b1c-9d2e-0123456789ab")).isEqualTo(first);
    assertThat(TransportJob.successorIdFor("plc-1", "0b5e9d4c-1111-4b1c-9d2e-0123456789ab")).isNotEqualTo(first);
    assertThat(TransportJob.successorIdFor("plc-1", "--")).startsWith("job-plc-1-").matches("[A-Za-z0-9._:-]+");
  }

  @Test
  void aJobKnowsWhenItsHoldWasMadeAndWhenThePlacementEnded() {
    TransportJob job = Jobs.pending("plc-1", false);

    assertThat(job.causedBy("held-plc-1")).isTrue();
    assertThat(job.causedBy("another-event")).isFalse();
    assertThat(job.heldAfter(T0.minusSeconds(1))).isTrue();
    assertThat(job.heldAfter(T0)).isFalse();
    assertThat(job.lastKnownAt()).isEqualTo(T0);

    job.cancel(T0.plusSeconds(300), T0.plusSeconds(301));

    assertThat(job.lastKnownAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(job.cancel(T0.plusSeconds(200), T0).changed()).as("an older end teaches nothing").isFalse();
    assertThat(job.endedAt()).isEqualTo(T0.plusSeconds(300));
  }

  @Test
  void aMoveKeepsTheEscortRulesOfHerPickupAndAssumesAMinor() {
    EscortNeeds pickup = new EscortNeeds(false, Gender.FEMALE, java.util.Set.of("ar"));

    TransportJob move = TransportJob.move("ref-1", "plc-1", "central", Jobs.PARIS_SHELTER_AREA, pickup, T0, T0);

    assertThat(move.escort()).isEqualTo(new EscortNeeds(true, Gender.FEMALE, java.util.Set.of("ar")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "kind", "placementId", "status", "escort", "createdAt"})
  void aJobWithoutWhatEveryJobHasIsRefused(String missing) {
    TransportJob.Draft job = withWhatEveryJobHas();
    switch (missing) {
      case "id" -> job.id = null;
      case "kind" -> job.kind = null;
      case "placementId" -> job.placementId = null;
      case "status" -> job.status = null;
      case "escort" -> job.escort = null;
      default -> job.createdAt = null;
    }

    assertThatThrownBy(job::build).isInstanceOf(NullPointerException.class).hasMessage(missing);
  }

  @Test
  void aJobBuiltWithOnlyWhatEveryJobHasExcludesNobodyAndLastChangedWhenCreated() {
    TransportJob job = withWhatEveryJobHas().build();

    assertThat(job.excludedDriverIds()).isEmpty();
    assertThat(job.updatedAt()).isEqualTo(T0);
    assertThat(job.version()).isZero();
  }

  private static TransportJob.Draft withWhatEveryJobHas() {
    TransportJob.Draft job = new TransportJob.Draft();
    job.id = "job-plc-1";
    job.kind = JobKind.PICKUP;
    job.placementId = "plc-1";
    job.status = JobStatus.PENDING;
    job.escort = EscortNeeds.of(false);
    job.createdAt = T0;
    return job;
  }
}
