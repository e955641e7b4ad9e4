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

/** The exceptions of a placement: missing residents, compromised shelters, long waits, keep-apart. */
class PlacementExceptionsTest {

  private final Instant expiry = T0.plus(Duration.ofMinutes(60));
  private final Duration day = Duration.ofHours(24);

  private Placement checkedIn() {
    return held(expiry).checkIn(T0).placement();
  }

  @Test
  void aMissingResidentKeepsHerBedForTheConfiguredTimeAndPoliceAreTold() {
    Placement.Change missing = checkedIn().reportMissing(day, T0.plusSeconds(60));

    assertThat(missing.placement().status()).isEqualTo(PlacementStatus.RESIDENT_MISSING);
    assertThat(missing.placement().missingSince()).isEqualTo(T0.plusSeconds(60));
    assertThat(missing.placement().bedKeptUntil()).isEqualTo(T0.plusSeconds(60).plus(day));
    assertThat(missing.placement().status().hasBed()).isTrue();
    assertThat(missing.events())
        .containsExactly(new PlacementEvent.ResidentMissing("p-1", "s-1", "region-x", T0.plusSeconds(60)));
    assertThat(missing.placement().reportMissing(day, T0.plusSeconds(90)).changed()).as("idempotent").isFalse();
  }

  @Test
  void onlyACheckedInResidentCanGoMissingAndReturnOnlyWhileHerBedIsKept() {
    assertThatThrownBy(() -> held(expiry).reportMissing(day, T0)).isInstanceOf(IllegalTransitionException.class);
    Placement missing = checkedIn().reportMissing(day, T0).placement();

    Placement.Change back = missing.reportReturned(T0.plusSeconds(600));

    assertThat(back.placement().status()).isEqualTo(PlacementStatus.CHECKED_IN);
    assertThat(back.placement().bedKeptUntil()).isNull();
    assertThat(back.events()).isEmpty();
    assertThat(back.placement().reportReturned(T0).changed()).as("idempotent").isFalse();
    Placement gone = missing.giveUpMissingBed(T0.plus(day)).placement();
    assertThatThrownBy(() -> gone.reportReturned(T0.plus(day))).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void herBedIsGivenUpOnlyOnceTheKeptTimeRanOut() {
    Placement missing = checkedIn().reportMissing(day, T0).placement();

    assertThat(missing.giveUpMissingBed(T0.plus(day).minusSeconds(1)).changed()).isFalse();
    Placement.Change out = missing.giveUpMissingBed(T0.plus(day));

    assertThat(out.placement().status()).isEqualTo(PlacementStatus.CHECKED_OUT);
    assertThat(out.placement().checkOutReason()).isEqualTo(CheckOutReason.MISSING);
    assertThat(out.placement().missingSince()).as("police still see she went missing").isEqualTo(T0);
    assertThat(out.events()).containsExactly(new PlacementEvent.CheckedOut("p-1", "s-1", CheckOutReason.MISSING));
  }

  @Test
  void aRelocationCarriesThePersonAndHerSafetyConstraintsAtTopUrgency() {
    ExclusionZone home = new ExclusionZone(new GeoPoint(48.95, 2.40), 15);
    PlacementRequest request = new PlacementRequest(new Person(15, Gender.FEMALE), Set.of(Need.WHEELCHAIR_ACCESS),
        new GeoPoint(48.9, 2.3), List.of(home), Set.of(Specialism.TRAFFICKING), Set.of("ro"), Set.of("token-x"), 90,
        Urgency.NORMAL, EscortGender.FEMALE);
    Placement resident = Placement.requested("p-9", "police-a", request, "sealed", "case-token", "key", "fp", T0)
        .holdBed(Fixtures.shelter("s-1", new GeoPoint(48.7, 2.2), MINOR_GIRLS), "s-1-bed-1", expiry, T0).placement()
        .checkIn(T0).placement();
    GeoPoint shelterArea = new GeoPoint(48.7, 2.2);

    Placement relocation = resident.relocation("r-9", "resealed", shelterArea, T0.plusSeconds(5));

    assertThat(relocation.status()).isEqualTo(PlacementStatus.PENDING);
    assertThat(relocation.relocatedFrom()).isEqualTo("p-9");
    assertThat(relocation.urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(relocation.requestedBy()).isEqualTo("police-a");
    assertThat(relocation.caseToken()).isEqualTo("case-token");
    assertThat(relocation.request().exclusionZones()).containsExactly(home);
    assertThat(relocation.request().keepApart()).containsExactly("token-x");
    assertThat(relocation.request().specialisms()).containsExactly(Specialism.TRAFFICKING);
    assertThat(relocation.request().needs()).containsExactly(Need.WHEELCHAIR_ACCESS);
    assertThat(relocation.request().location()).as("she leaves from her shelter's area").isEqualTo(shelterArea);
    assertThat(relocation.request().escortGender()).isEqualTo(EscortGender.FEMALE);
    PlacementEvent.BedHeld heldAgain = (PlacementEvent.BedHeld) relocation.holdBed(
        Fixtures.shelter("s-2", new GeoPoint(48.6, 2.1), MINOR_GIRLS), "s-2-bed-1", expiry, T0.plusSeconds(6))
        .events().getFirst();
    assertThat(heldAgain.escortGender()).as("the driver of the relocation follows her escort preferences too")
        .isEqualTo(EscortGender.FEMALE);
    assertThat(heldAgain.languages()).containsExactly("ro");
  }

  @Test
  void theOldPlacementEndsAsACancellationForAHoldAndATransferForAResident() {
    Placement.Change fromHold = held(expiry).relocateTo("r-1", T0);
    Placement.Change fromStay = checkedIn().relocateTo("r-1", T0);

    assertThat(fromHold.placement().status()).isEqualTo(PlacementStatus.RELOCATED);
    assertThat(fromHold.placement().relocatedTo()).isEqualTo("r-1");
    assertThat(fromHold.events()).containsExactly(new PlacementEvent.Cancelled("p-1", "s-1"));
    assertThat(fromStay.events()).containsExactly(new PlacementEvent.CheckedOut("p-1", "s-1", CheckOutReason.TRANSFERRED));
    assertThat(fromHold.placement().relocateTo("r-1", T0).changed()).isFalse();
    assertThat(fromHold.placement().status().isFinal()).isTrue();
    assertThatThrownBy(() -> pending(girlOf14At(new GeoPoint(1, 1))).relocateTo("r", T0))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aLongWaitIsEscalatedOnce() {
    Placement waiting = pending(girlOf14At(new GeoPoint(1, 1))).waitlist(T0).placement();
    Duration limit = Duration.ofMinutes(30);

    assertThat(waiting.escalate(limit, T0.plus(Duration.ofMinutes(29))).changed()).isFalse();
    Placement escalated = waiting.escalate(limit, T0.plus(Duration.ofMinutes(31))).placement();

    assertThat(escalated.escalatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(31)));
    assertThat(escalated.escalate(limit, T0.plus(Duration.ofHours(2))).changed()).isFalse();
    assertThat(held(expiry).escalate(limit, T0.plus(Duration.ofHours(2))).changed()).as("not waiting").isFalse();
  }

  @Test
  void keepApartWorksBothWaysWithinOneAgency() {
    PlacementRequest naming = girlOf14At(new GeoPoint(1, 1)).withKeepApart(Set.of("token-b"));
    Placement a = Placement.requested("a", "p", "agency-1", naming, "s", "token-a", "k", "f", T0);
    Placement c = Placement.requested("c", "p", "agency-1", girlOf14At(new GeoPoint(1, 1)), "s", "token-c", "k", "f", T0);

    assertThat(a.mustBeKeptApartFrom(new Bed.Occupant("token-b", Set.of(), "agency-1"))).as("she named them").isTrue();
    assertThat(c.mustBeKeptApartFrom(new Bed.Occupant("token-z", Set.of("token-c"), "agency-1"))).as("they named her")
        .isTrue();
    assertThat(c.mustBeKeptApartFrom(new Bed.Occupant("token-b", Set.of("token-a"), "agency-1"))).isFalse();
    assertThat(c.mustBeKeptApartFrom(null)).isFalse();
    assertThat(a.sharesKeepApartRuleAcrossAgencies(new Bed.Occupant("token-b", Set.of(), "agency-1"))).isFalse();
  }

  @Test
  void aKeepApartRuleWithAnotherAgencysCaseIsLeftToCoordinatorsEitherWay() {
    PlacementRequest naming = girlOf14At(new GeoPoint(1, 1)).withKeepApart(Set.of("token-b"));
    Placement a = Placement.requested("a", "p", "agency-1", naming, "s", "token-a", "k", "f", T0);
    Placement unknownAgency = Placement.requested("u", "p", null, naming, "s", "token-u", "k", "f", T0);
    Bed.Occupant namedElsewhere = new Bed.Occupant("token-b", Set.of(), "agency-2");
    Bed.Occupant namingHerElsewhere = new Bed.Occupant("token-z", Set.of("token-a"), "agency-2");

    assertThat(a.mustBeKeptApartFrom(namedElsewhere)).isFalse();
    assertThat(a.sharesKeepApartRuleAcrossAgencies(namedElsewhere)).isTrue();
    assertThat(a.mustBeKeptApartFrom(namingHerElsewhere)).isFalse();
    assertThat(a.sharesKeepApartRuleAcrossAgencies(namingHerElsewhere)).isTrue();
    assertThat(unknownAgency.mustBeKeptApartFrom(new Bed.Occupant("token-b", Set.of(), null)))
        .as("no agency known: never assumed to be the same").isFalse();
    assertThat(a.sharesKeepApartRuleAcrossAgencies(new Bed.Occupant("token-q", Set.of("token-r"), "agency-2")))
        .as("no rule between them").isFalse();
  }

  @Test
  void theFirstHoldAndTheArrivalAreRecordedForStatistics() {
    Placement waiting = pending(girlOf14At(new GeoPoint(1, 1))).waitlist(T0).placement();
    Placement heldLater = waiting.holdBed(Fixtures.shelter("s", new GeoPoint(1, 1.1), MINOR_GIRLS), "b", expiry,
        T0.plusSeconds(300), List.of("TRAVEL_MINUTES: 12")).placement();
    Placement in = heldLater.checkIn(T0.plusSeconds(900)).placement();

    assertThat(in.firstHeldAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(in.checkedInAt()).isEqualTo(T0.plusSeconds(900));
    assertThat(in.matchReasons()).containsExactly("TRAVEL_MINUTES: 12");
  }

  @Test
  void requestsRefuseEmptyItemsAndOutOfRangeLimits() {
    GeoPoint here = new GeoPoint(1, 1);
    Person her = new Person(14, Gender.FEMALE);
    assertThatThrownBy(() -> new PlacementRequest(her, Set.of(), here, List.of(), Set.of(), Set.of("eng"), Set.of(),
        null, null, null)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new PlacementRequest(her, Set.of(), here, List.of(), Set.of(), Set.of(), Set.of(" "),
        null, null, null)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new PlacementRequest(her, Set.of(), here, List.of(), Set.of(), Set.of(), Set.of(),
        0, null, null)).isInstanceOf(InvalidValueException.class);
    java.util.Set<Need> withNull = new java.util.HashSet<>();
    withNull.add(null);
    assertThatThrownBy(() -> new PlacementRequest(her, withNull, here, List.of()))
        .isInstanceOf(InvalidValueException.class);
    assertThat(new PlacementRequest(her, Set.of(), here, List.of()).urgency()).isEqualTo(Urgency.NORMAL);
  }
}
