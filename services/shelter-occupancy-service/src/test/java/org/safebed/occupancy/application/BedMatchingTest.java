package org.safebed.occupancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safebed.occupancy.application.ShelterSearchTest.shelter;
import static org.safebed.occupancy.domain.Fixtures.T0;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Alert;
import org.safebed.occupancy.domain.AlertRepository;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedStatus;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.MatchingPolicy;
import org.safebed.occupancy.domain.Person;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementEvent;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterStatus;
import org.safebed.occupancy.domain.StraightLineTravelTime;
import org.safebed.occupancy.domain.Urgency;
import org.safebed.platform.web.notifications.NotificationKind;

/**
 * The hold: races for a bed, concurrent changes of the placement, a shelter that changed since the
 * search, a crash between taking a bed and storing the hold. Other writers act through the fakes'
 * hooks, at the moment they would have raced this one.
 */
class BedMatchingTest {

  private static final GeoPoint FOUND = new GeoPoint(48.90, 2.35);

  private final InMemoryShelters shelters = new InMemoryShelters();
  private final InMemoryBeds beds = new InMemoryBeds();
  private final InMemoryPlacements placements = new InMemoryPlacements();
  private final Map<String, Alert> alerts = new LinkedHashMap<>();
  private final List<String> coordinatorsTold = new ArrayList<>();
  private final List<String> leftToWaitlist = new ArrayList<>();
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final BedMatching matching = new BedMatching(placements, shelters, beds, new Alerts(),
      new CoordinatorsNotified(), new MatchingPolicy(300, StraightLineTravelTime.DEFAULT),
      ScriptedTravelEstimates.failing(1), new OccupancyProperties(null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, null, null, null, null, null), clock);

  private final Shelter near = open(shelter("near", 48.95, 3));
  private final Shelter middle = open(shelter("middle", 49.10, 3));

  BedMatchingTest() {
    matching.onShelterLeftToWaitlist(leftToWaitlist::add);
  }

  @Test
  void aNewRequestHoldsABedAtTheNearestShelterWithItsEvent() {
    Placement held = matching.match(stored(her()), true);

    assertThat(held.status()).isEqualTo(PlacementStatus.HELD);
    assertThat(held.shelterId()).isEqualTo("near");
    assertThat(held.holdExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
    assertThat(beds.takenBy("p-1")).extracting(Bed::id).containsExactly(held.hold().bedId());
    assertThat(placements.events).singleElement().isInstanceOf(PlacementEvent.BedHeld.class);
  }

  @Test
  void aBedLostToAnotherRequestIsFollowedByAnotherBedOfTheSameShelter() {
    beds.beforeHold = bedId -> {
      if (beds.holdsTried.size() == 1) {
        beds.takenBy(bedId, "p-rival", null);
      }
    };

    Placement held = matching.match(stored(her()), true);

    String lost = beds.holdsTried.getFirst();
    assertThat(held.shelterId()).isEqualTo("near");
    assertThat(held.hold().bedId()).isNotEqualTo(lost);
    assertThat(beds.bed(lost).placementId()).isEqualTo("p-rival");
    assertThat(beds.takenBy("p-1")).extracting(Bed::id).containsExactly(held.hold().bedId());
  }

  @Test
  void everyBedOfAShelterLostToOthersIsFollowedByTheNextShelter() {
    beds.beforeHold = bedId -> {
      if (bedId.startsWith("near-")) {
        beds.takenBy(bedId, "p-rival-" + bedId, null);
      }
    };

    Placement held = matching.match(stored(her()), true);

    assertThat(held.status()).isEqualTo(PlacementStatus.HELD);
    assertThat(held.shelterId()).isEqualTo("middle");
    assertThat(beds.readWhole).as("the shelter's free beds read again before it is given up").contains("near");
    assertThat(beds.takenBy("p-1")).extracting(Bed::shelterId).containsExactly("middle");
  }

  @Test
  void aPlacementCancelledWhileItsBedWasTakenKeepsItsCancellationAndTheBedGoesBack() {
    placements.concurrentWriter = once(stored -> stored.cancel(T0).placement());

    Placement result = matching.match(stored(her()), true);

    assertThat(result.status()).isEqualTo(PlacementStatus.CANCELLED);
    assertThat(beds.takenBy("p-1")).isEmpty();
    assertThat(beds.bed(beds.holdsTried.getFirst()).status()).isEqualTo(BedStatus.AVAILABLE);
    assertThat(placements.events).isEmpty();
  }

  @Test
  void aConcurrentMatchThatStoredTheSameBedKeepsIt() {
    placements.concurrentWriter = once(stored -> {
      Bed taken = beds.takenBy("p-1").getFirst();
      return stored.holdBed(near, taken.id(), T0.plus(Duration.ofMinutes(60)), T0).placement();
    });

    Placement result = matching.match(stored(her()), true);

    assertThat(result.status()).isEqualTo(PlacementStatus.HELD);
    assertThat(result.version()).as("what the other writer stored").isEqualTo(1);
    assertThat(beds.takenBy("p-1")).extracting(Bed::id).containsExactly(result.hold().bedId());
    assertThat(placements.saves).isEqualTo(1);
  }

  @Test
  void aConcurrentChangeThatLeavesItWaitingGivesTheBedBackAndMatchingGoesOnFromIt() {
    placements.concurrentWriter = once(stored -> stored.waitlist(T0).placement());

    Placement result = matching.match(stored(her()), true);

    assertThat(result.status()).isEqualTo(PlacementStatus.HELD);
    assertThat(result.initialOutcome()).as("built on what the other writer stored").isEqualTo(PlacementStatus.WAITLISTED);
    assertThat(result.version()).isEqualTo(2);
    assertThat(beds.holdsTried).hasSize(2);
    assertThat(beds.takenBy("p-1")).extracting(Bed::id).containsExactly(result.hold().bedId());
  }

  @Test
  void aShelterClosedBetweenTheSearchAndTheHoldGetsItsBedBack() {
    beds.afterHold = bedId -> shelters.changeStatus("near", ShelterStatus.CLOSED);

    Placement held = matching.match(stored(her()), true);

    assertThat(held.shelterId()).isEqualTo("middle");
    assertThat(near.bedIds()).allMatch(id -> beds.bed(id).status() == BedStatus.AVAILABLE);
    assertThat(beds.takenBy("p-1")).extracting(Bed::shelterId).containsExactly("middle");
  }

  @Test
  void aKeepApartConflictThatArrivedWithTheHoldGivesTheBedBack() {
    beds.afterHold = bedId -> {
      if (bedId.startsWith("near-")) {
        String other = near.bedIds().stream().filter(id -> !id.equals(bedId)).findFirst().orElseThrow();
        beds.takenBy(other, "p-other", new Bed.Occupant("case-other", Set.of(), "agency-a"));
      }
    };

    Placement held = matching.match(stored(her(Set.of("case-other"))), true);

    assertThat(held.shelterId()).isEqualTo("middle");
    assertThat(beds.takenBy("p-1")).extracting(Bed::shelterId).containsExactly("middle");
    assertThat(beds.keepApartReads).as("once for the search, once after each bed taken").isEqualTo(3);
  }

  @Test
  void aBedHeldBeforeACrashIsResumedNotASecondOneTaken() {
    Placement pending = stored(her());
    beds.takenBy("near-bed-2", "p-1", pending.asOccupant());

    Placement held = matching.match(pending);

    assertThat(held.status()).isEqualTo(PlacementStatus.HELD);
    assertThat(held.hold().bedId()).isEqualTo("near-bed-2");
    assertThat(held.matchReasons()).containsExactly("RESUMED_HELD_BED");
    assertThat(beds.holdsTried).isEmpty();
    assertThat(beds.takenBy("p-1")).extracting(Bed::id).containsExactly("near-bed-2");
  }

  @Test
  void aBedHeldBeforeACrashAtAShelterClosedSinceIsGivenBackAndAnotherFound() {
    Placement pending = stored(her());
    beds.takenBy("near-bed-2", "p-1", pending.asOccupant());
    shelters.changeStatus("near", ShelterStatus.CLOSED);

    Placement held = matching.match(pending);

    assertThat(held.shelterId()).isEqualTo("middle");
    assertThat(beds.bed("near-bed-2").status()).isEqualTo(BedStatus.AVAILABLE);
    assertThat(beds.takenBy("p-1")).extracting(Bed::shelterId).containsExactly("middle");
  }

  @Test
  void aBedTakenFirstByAConcurrentMatchOfTheSamePlacementIsResumed() {
    Placement pending = stored(her());
    beds.beforeHold = bedId -> {
      if (beds.holdsTried.size() == 1) {
        beds.takenBy("middle-bed-1", "p-1", pending.asOccupant());
      }
    };

    Placement held = matching.match(pending, true);

    assertThat(held.status()).isEqualTo(PlacementStatus.HELD);
    assertThat(held.hold().bedId()).isEqualTo("middle-bed-1");
    assertThat(held.matchReasons()).containsExactly("RESUMED_HELD_BED");
    assertThat(beds.takenBy("p-1")).extracting(Bed::id).containsExactly("middle-bed-1");
  }

  @Test
  void noFreeBedAnywhereWaitlistsIt() {
    List.of(near, middle).forEach(shelter -> shelter.bedIds().forEach(id -> beds.takenBy(id, "other-" + id, null)));

    Placement result = matching.match(stored(her()), true);

    assertThat(result.status()).isEqualTo(PlacementStatus.WAITLISTED);
    assertThat(result.version()).isEqualTo(1);
  }

  @Test
  void aWaitlistingThatLosesToAConcurrentCancellationKeepsTheCancellation() {
    List.of(near, middle).forEach(shelter -> shelter.bedIds().forEach(id -> beds.takenBy(id, "other-" + id, null)));
    placements.concurrentWriter = once(stored -> stored.cancel(T0).placement());

    assertThat(matching.match(stored(her()), true).status()).isEqualTo(PlacementStatus.CANCELLED);
  }

  @Test
  void theWaitlistIsToldOfAShelterANewRequestLeftToItEvenWhenTheHoldFails() {
    Shelter oneBed = open(shelter("one-bed", 48.92, 1));
    placements.insert(Placement.requested("w-1", "police-b", "agency-b", request(Set.of()), "sealed-ref", "case-w",
        "key-w", "fp-w", T0.minus(Duration.ofHours(1))).waitlist(T0.minus(Duration.ofMinutes(59))).placement());
    beds.beforeHold = bedId -> {
      throw new IllegalStateException("the store is down");
    };

    assertThatThrownBy(() -> matching.match(stored(her()), true)).hasMessage("the store is down");
    assertThat(leftToWaitlist).containsExactly(oneBed.id());
  }

  @Test
  void aPlacementChangedUnderEveryAttemptStopsMatchingWithNoBedLeftHeld() {
    placements.concurrentWriter = stored -> stored;

    assertThatThrownBy(() -> matching.match(stored(her()), true)).isInstanceOf(IllegalStateException.class);
    assertThat(placements.saves).isEqualTo(10);
    assertThat(beds.takenBy("p-1")).isEmpty();
  }

  @Test
  void coordinatorsReviewAKeepApartRuleAcrossAgenciesAtTheShelterWhereSheEndsUp() {
    beds.takenBy("near-bed-1", "p-other", new Bed.Occupant("case-other", Set.of(), "agency-b"));
    placements.concurrentWriter = once(stored -> stored.waitlist(T0).placement());

    Placement held = matching.match(stored(her(Set.of("case-other"))), true);

    assertThat(held.shelterId()).isEqualTo("near");
    assertThat(alerts).containsOnlyKeys("keep-apart-p-1-p-other");
    assertThat(coordinatorsTold).containsOnly("keep-apart-p-1-p-other");
  }

  @Test
  void noKeepApartReviewWhenSheEndsUpWithoutABedThere() {
    beds.takenBy("near-bed-1", "p-other", new Bed.Occupant("case-other", Set.of(), "agency-b"));
    // A retry finished the hold on this very bed, and the police cancelled it at once.
    placements.concurrentWriter = once(stored -> {
      Bed taken = beds.takenBy("p-1").getFirst();
      return stored.holdBed(near, taken.id(), T0.plus(Duration.ofMinutes(60)), T0).placement().cancel(T0).placement();
    });

    Placement result = matching.match(stored(her(Set.of("case-other"))), true);

    assertThat(result.status()).isEqualTo(PlacementStatus.CANCELLED);
    assertThat(result.shelterId()).isEqualTo("near");
    assertThat(alerts).isEmpty();
    assertThat(coordinatorsTold).isEmpty();
  }

  @Test
  void noKeepApartReviewForAShelterSheDidNotEndUpIn() {
    beds.takenBy("near-bed-1", "p-other", new Bed.Occupant("case-other", Set.of(), "agency-b"));
    // Waitlisted by another writer while near closed: the next attempt holds a bed elsewhere.
    placements.concurrentWriter = once(stored -> {
      shelters.changeStatus("near", ShelterStatus.CLOSED);
      return stored.waitlist(T0).placement();
    });

    Placement held = matching.match(stored(her(Set.of("case-other"))), true);

    assertThat(held.shelterId()).isEqualTo("middle");
    assertThat(alerts).isEmpty();
    assertThat(coordinatorsTold).isEmpty();
  }

  private Shelter open(Shelter shelter) {
    shelters.add(shelter);
    beds.addBeds(shelter);
    return shelter;
  }

  private Placement stored(Placement placement) {
    placements.insert(placement);
    return placement;
  }

  private static Placement her() {
    return her(Set.of());
  }

  private static Placement her(Set<String> keepApartFrom) {
    return Placement.requested("p-1", "police-a", "agency-a", request(keepApartFrom), "sealed-ref", "case-her",
        "key-1", "fp-1", T0);
  }

  private static PlacementRequest request(Set<String> keepApart) {
    return new PlacementRequest(new Person(14, Gender.FEMALE), Set.of(), FOUND, List.of(), Set.of(), Set.of(),
        keepApart, null, Urgency.NORMAL, null);
  }

  /** Another writer that acts at the next save only. */
  private static UnaryOperator<Placement> once(UnaryOperator<Placement> write) {
    boolean[] done = {false};
    return stored -> {
      if (done[0]) {
        return null;
      }
      done[0] = true;
      return write.apply(stored);
    };
  }

  private final class Alerts implements AlertRepository {
    @Override
    public void raise(Alert alert) {
      alerts.putIfAbsent(alert.id(), alert);
    }

    @Override
    public List<Alert> findFor(String requestedBy, int limit) {
      throw new UnsupportedOperationException("not on the matching path");
    }

    @Override
    public List<Alert> findAll(int limit) {
      throw new UnsupportedOperationException("not on the matching path");
    }
  }

  /** Matching tells coordinators only of keep-apart reviews; nothing else of it is used. */
  private final class CoordinatorsNotified extends OccupancyNotifications {
    CoordinatorsNotified() {
      super(null, shelters, clock, Duration.ofHours(12));
    }

    @Override
    public void forCoordinators(String alertId, NotificationKind kind, String placementId) {
      coordinatorsTold.add(alertId);
    }
  }
}
