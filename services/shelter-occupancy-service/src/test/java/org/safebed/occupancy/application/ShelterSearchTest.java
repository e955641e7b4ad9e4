package org.safebed.occupancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safebed.occupancy.domain.Fixtures.MINOR_GIRLS;
import static org.safebed.occupancy.domain.Fixtures.T0;
import static org.safebed.occupancy.domain.Fixtures.girlOf14At;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.ShelterSearch.Choice;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.Eligibility;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoCell;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.MatchingPolicy;
import org.safebed.occupancy.domain.Person;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterStatus;
import org.safebed.occupancy.domain.StraightLineTravelTime;
import org.safebed.occupancy.domain.TravelEstimate;
import org.safebed.occupancy.domain.Urgency;

/**
 * The search on its own, against in-memory ports: which shelter it chooses, and what it reads to
 * know (the hold path's cost depends on it). Shelters lie due north of where she is found, their
 * areas on the 0.05° grid; at 50 km/h with a detour factor of 1.3 each kilometre is 1.56 minutes.
 */
class ShelterSearchTest {

  private static final GeoPoint FOUND = new GeoPoint(48.90, 2.35);
  private static final double FIRST_RING_KM = 40;

  private final InMemoryShelters shelters = new InMemoryShelters();
  private final InMemoryBeds beds = new InMemoryBeds();
  private final InMemoryPlacements placements = new InMemoryPlacements();
  private final MatchingPolicy policy = new MatchingPolicy(300, StraightLineTravelTime.DEFAULT);
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private ScriptedTravelEstimates estimates = ScriptedTravelEstimates.failing(1);

  // ~6 km, ~11 km, ~17 km, ~22 km: the first ring's cells; ~94 km: the second ring's only
  private final Shelter near = shelter("near", 48.95);
  private final Shelter second = shelter("second", 49.00);
  private final Shelter third = shelter("third", 49.05);
  private final Shelter middle = shelter("middle", 49.10);
  private final Shelter far = shelter("far", 49.75);

  @Test
  void theNearestQualifyingShelterWithAFreeBedWins() {
    open(far, middle, near);

    Choice choice = searchFor(her()).best().orElseThrow();

    assertThat(choice.ranked().shelter().id()).isEqualTo("near");
    assertThat(choice.freeBeds()).containsExactlyInAnyOrder("near-bed-1", "near-bed-2", "near-bed-3");
    assertThat(choice.located()).isEqualTo(1);
  }

  @Test
  void aShelterWithNoFreeBedIsSkippedAfterItsBedsWereReadProperly() {
    open(near, middle);
    near.bedIds().forEach(bed -> beds.takenBy(bed, "someone-else", null));

    Choice choice = searchFor(her()).best().orElseThrow();

    assertThat(choice.ranked().shelter().id()).isEqualTo("middle");
    assertThat(beds.readWhole).as("an empty sample is not the last word").containsExactly("near");
  }

  @Test
  void aShelterWhoseSampleShowsNoFreeBedIsStillChosenWhenItHasOne() {
    Shelter big = shelter("big", 48.95, 10);
    open(big, middle);
    big.bedIds().subList(0, 8).forEach(bed -> beds.takenBy(bed, "someone-else", null));

    Choice choice = searchFor(her()).best().orElseThrow();

    assertThat(choice.ranked().shelter().id()).isEqualTo("big");
    assertThat(choice.freeBeds()).containsExactlyInAnyOrder("big-bed-9", "big-bed-10");
  }

  @Test
  void aShelterSheDoesNotQualifyForIsSkippedWithoutReadingItsBeds() {
    Eligibility adults = new Eligibility(18, 21, Set.of(Gender.FEMALE), false, false, Set.of(), Set.of());
    Shelter forAdults = new Shelter("adults", "Code-adults", "region-x", ShelterStatus.OPEN, adults,
        new GeoPoint(48.95, 2.35), "sealed-location", "sealed-address", 3);
    open(forAdults, middle);

    Choice choice = searchFor(her()).best().orElseThrow();

    assertThat(choice.ranked().shelter().id()).isEqualTo("middle");
    assertThat(beds.sampled).flatMap(ids -> ids).doesNotContain("adults");
  }

  @Test
  void aShelterWhereSomeoneSheMustBeKeptApartFromHasABedIsSkipped() {
    open(near, middle);
    beds.takenBy("near-bed-1", "p-other", new Bed.Occupant("case-other", Set.of(), "agency-a"));
    ShelterSearch search = searchFor(her(Set.of("case-other")));

    Choice choice = search.best().orElseThrow();

    assertThat(choice.ranked().shelter().id()).isEqualTo("middle");
    search.refuse(choice);
    assertThat(search.best()).as("near stays forbidden").isEmpty();
    assertThat(beds.keepApartReads).as("read once for the whole search").isEqualTo(1);
  }

  @Test
  void aKeepApartRuleWithAnotherAgencysPlacementDoesNotKeepHerOut() {
    open(near, middle);
    beds.takenBy("near-bed-1", "p-other", new Bed.Occupant("case-other", Set.of(), "agency-b"));

    Choice choice = searchFor(her(Set.of("case-other"))).best().orElseThrow();

    assertThat(choice.ranked().shelter().id()).as("coordinators review it instead").isEqualTo("near");
  }

  @Test
  void roadTimesRankTheShortlistAgainInOneCallAndOnlyNewCandidatesAreAskedLater() {
    open(near, second, third, middle);
    Map<GeoPoint, Duration> byRoad = Map.of(near.area(), Duration.ofMinutes(60), second.area(),
        Duration.ofMinutes(40), third.area(), Duration.ofMinutes(20), middle.area(), Duration.ofMinutes(30));
    estimates = ScriptedTravelEstimates.answering(3,
        area -> Optional.of(new TravelEstimate(byRoad.get(area), TravelEstimate.Source.ROUTING)));
    ShelterSearch search = searchFor(her());

    Choice quickest = search.best().orElseThrow();

    assertThat(quickest.ranked().shelter().id()).as("quickest by road, third by straight line").isEqualTo("third");
    assertThat(quickest.ranked().source()).isEqualTo(TravelEstimate.Source.ROUTING);
    assertThat(quickest.ranked().travelTime()).isEqualTo(Duration.ofMinutes(20));
    assertThat(estimates.calls).containsExactly(List.of(near.area(), second.area(), third.area()));

    search.refuse(quickest);
    Choice next = search.best().orElseThrow();

    assertThat(next.ranked().shelter().id()).isEqualTo("middle");
    assertThat(estimates.calls).containsExactly(
        List.of(near.area(), second.area(), third.area()), List.of(middle.area()));
  }

  @Test
  void withoutRoadTimesTheStraightLineStandsAndTheyAreNotAskedForAgain() {
    open(near, second, third, middle);
    estimates = ScriptedTravelEstimates.failing(3);
    ShelterSearch search = searchFor(her());

    Choice first = search.best().orElseThrow();

    assertThat(first.ranked().shelter().id()).isEqualTo("near");
    assertThat(first.ranked().source()).isEqualTo(TravelEstimate.Source.STRAIGHT_LINE_FALLBACK);

    search.refuse(first);
    Choice next = search.best().orElseThrow();

    assertThat(next.ranked().shelter().id()).isEqualTo("second");
    assertThat(next.ranked().source()).isEqualTo(TravelEstimate.Source.STRAIGHT_LINE_FALLBACK);
    assertThat(estimates.calls).as("one call, for the first shortlist").hasSize(1);
  }

  @Test
  void aShelterBeyondHerMaximumTravelTimeByRoadIsRefusedAndTheSearchGoesOn() {
    open(near, second);
    Map<GeoPoint, Duration> byRoad = Map.of(near.area(), Duration.ofMinutes(45), second.area(), Duration.ofMinutes(25));
    estimates = ScriptedTravelEstimates.answering(1,
        area -> Optional.of(new TravelEstimate(byRoad.get(area), TravelEstimate.Source.ROUTING)));

    Choice choice = searchFor(placement(request(30, Urgency.NORMAL, Set.of()))).best().orElseThrow();

    assertThat(choice.ranked().shelter().id()).isEqualTo("second");
    assertThat(choice.ranked().travelTime()).isEqualTo(Duration.ofMinutes(25));
  }

  @Test
  void nothingWithinHerMaximumTravelTimeFindsNothing() {
    open(near, middle);
    estimates = ScriptedTravelEstimates.answering(1,
        area -> Optional.of(new TravelEstimate(Duration.ofMinutes(45), TravelEstimate.Source.ROUTING)));

    assertThat(searchFor(placement(request(30, Urgency.NORMAL, Set.of()))).best()).isEmpty();
    assertThat(shelters.cellsRead).as("farther than 30 minutes can take is not read")
        .allMatch(cell -> cell.minDistanceKmFrom(FOUND) <= FIRST_RING_KM);
  }

  @Test
  void aRefusedChoiceLetsTheSearchGoOnWithoutReadingTheSameCellsOrBedsAgain() {
    open(near, middle, far);
    ShelterSearch search = searchFor(her());

    Choice first = search.best().orElseThrow();
    search.refuse(first);
    Choice second = search.best().orElseThrow();

    assertThat(List.of(first, second)).extracting(c -> c.ranked().shelter().id()).containsExactly("near", "middle");
    assertThat(beds.sampled).as("middle's beds were sampled with near's").containsExactly(List.of("near", "middle"));
    assertThat(beds.readWhole).isEmpty();
    assertThat(shelters.sheltersFoundInCells).containsExactlyInAnyOrder("near", "middle");

    search.refuse(second);
    Choice third = search.best().orElseThrow();

    assertThat(third.ranked().shelter().id()).isEqualTo("far");
    assertThat(shelters.cellsRead).doesNotHaveDuplicates();
    assertThat(shelters.sheltersFoundInCells).containsExactlyInAnyOrder("near", "middle", "far");
    assertThat(beds.sampled).containsExactly(List.of("near", "middle"), List.of("far"));
  }

  @Test
  void aNewRequestLeavesAShelterToWaitlistedPlacementsAheadThatWouldTakeAllItsFreeBeds() {
    Shelter oneBed = shelter("one-bed", 48.95, 1);
    open(oneBed, middle);
    waiting("w-1", Urgency.NORMAL);
    ShelterSearch search = searchFor(her(), true);

    Choice choice = search.best().orElseThrow();

    assertThat(choice.ranked().shelter().id()).isEqualTo("middle");
    assertThat(search.leftToWaitlist()).containsExactly("one-bed");
    assertThat(placements.waitlistReads).as("the waitlist is read once per search").isEqualTo(1);
  }

  @Test
  void aNewRequestTakesAShelterWithMoreFreeBedsThanPlacementsWaitingAheadForIt() {
    Shelter twoBeds = shelter("two-beds", 48.95, 2);
    open(twoBeds, middle);
    waiting("w-1", Urgency.NORMAL);
    ShelterSearch search = searchFor(her(), true);

    assertThat(search.best().orElseThrow().ranked().shelter().id()).isEqualTo("two-beds");
    assertThat(search.leftToWaitlist()).isEmpty();
  }

  @Test
  void placementsLessUrgentThanTheNewRequestAreNotAheadOfIt() {
    Shelter oneBed = shelter("one-bed", 48.95, 1);
    open(oneBed, middle);
    waiting("w-1", Urgency.NORMAL);
    ShelterSearch search = searchFor(placement(request(null, Urgency.HIGH, Set.of())), true);

    assertThat(search.best().orElseThrow().ranked().shelter().id()).isEqualTo("one-bed");
    assertThat(search.leftToWaitlist()).isEmpty();
  }

  @Test
  void aPlacementAlreadyWaitlistedLeavesNoShelterToOthers() {
    Shelter oneBed = shelter("one-bed", 48.95, 1);
    open(oneBed, middle);
    waiting("w-1", Urgency.NORMAL);

    assertThat(searchFor(her(), false).best().orElseThrow().ranked().shelter().id()).isEqualTo("one-bed");
    assertThat(placements.waitlistReads).isZero();
  }

  @Test
  void theSearchStopsAtTheFirstRingWhenNothingFartherCouldBeatWhatItFound() {
    Shelter beyond = shelter("beyond", 50.25);
    open(near, far, beyond);

    assertThat(searchFor(her()).best().orElseThrow().ranked().shelter().id()).isEqualTo("near");
    assertThat(shelters.cellsRead).isNotEmpty()
        .allMatch(cell -> cell.minDistanceKmFrom(FOUND) <= FIRST_RING_KM);
    assertThat(shelters.sheltersFoundInCells).containsExactly("near");
    assertThat(beds.sampled).containsExactly(List.of("near"));
    assertThat(beds.readWhole).isEmpty();
  }

  @Test
  void theSearchReadsFartherRingsOnlyWhileItHasNoCandidate() {
    Shelter beyond = shelter("beyond", 50.25);
    open(near, far, beyond);
    near.bedIds().forEach(bed -> beds.takenBy(bed, "someone-else", null));

    assertThat(searchFor(her()).best().orElseThrow().ranked().shelter().id()).isEqualTo("far");
    assertThat(shelters.sheltersFoundInCells).containsExactly("near", "far");
    assertThat(shelters.cellsRead).as("the third ring, where beyond lies, is not read")
        .noneMatch(cell -> cell.equals(GeoCell.of(beyond.area())));
  }

  private ShelterSearch searchFor(Placement placement) {
    return searchFor(placement, false);
  }

  private ShelterSearch searchFor(Placement placement, boolean newRequest) {
    return new ShelterSearch(placement, newRequest, shelters, beds, placements, estimates, policy, clock);
  }

  private void open(Shelter... some) {
    for (Shelter shelter : some) {
      shelters.add(shelter);
      beds.addBeds(shelter);
    }
  }

  private void waiting(String id, Urgency urgency) {
    Placement requested = Placement.requested(id, "police-b", "agency-b", request(null, urgency, Set.of()),
        "sealed-ref", "case-" + id, "key-" + id, "fp-" + id, T0.minus(Duration.ofHours(1)));
    placements.insert(requested.waitlist(T0.minus(Duration.ofMinutes(59))).placement());
  }

  private static Shelter shelter(String id, double lat) {
    return shelter(id, lat, 3);
  }

  static Shelter shelter(String id, double lat, int bedCount) {
    return new Shelter(id, "Code-" + id, "region-x", ShelterStatus.OPEN, MINOR_GIRLS, new GeoPoint(lat, 2.35),
        "sealed-location", "sealed-address", bedCount);
  }

  private static Placement her() {
    return placement(girlOf14At(FOUND));
  }

  private static Placement her(Set<String> keepApartFrom) {
    return placement(request(null, Urgency.NORMAL, keepApartFrom));
  }

  private static PlacementRequest request(Integer maxTravelMinutes, Urgency urgency, Set<String> keepApart) {
    return new PlacementRequest(new Person(14, Gender.FEMALE), Set.of(), FOUND, List.of(), Set.of(), Set.of(),
        keepApart, maxTravelMinutes, urgency, null);
  }

  private static Placement placement(PlacementRequest request) {
    return Placement.requested("p-1", "police-a", "agency-a", request, "sealed-ref", "case-her", "key-1", "fp-1", T0);
  }
}
