package org.safebed.occupancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safebed.occupancy.domain.Fixtures.MINOR_GIRLS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hard eligibility beyond age and gender, the travel limit, and freshness in the ranking. */
class MatchingRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-22T18:00:00Z");
  private final MatchingPolicy policy =
      new MatchingPolicy(300, StraightLineTravelTime.DEFAULT, Duration.ofHours(24), Duration.ofMinutes(15));
  private final GeoPoint found = new GeoPoint(48.9362, 2.3574);

  private PlacementRequest request(Set<Need> needs, Set<Specialism> specialisms, Set<String> languages, Integer maxTravel) {
    return new PlacementRequest(new Person(14, Gender.FEMALE), needs, found, List.of(), specialisms, languages,
        Set.of(), maxTravel, Urgency.NORMAL, null);
  }

  private static Shelter candidate(String id, GeoPoint at, Eligibility eligibility, Instant confirmedAt) {
    return new Shelter(id, "Code-" + id, "r", ShelterStatus.OPEN, eligibility, at.roundedTo(0.05), "l", "a", 3,
        confirmedAt);
  }

  @Test
  void childAccessSpecialismsAndLanguageAreHardRules() {
    Eligibility plain = new Eligibility(12, 17, Set.of(Gender.FEMALE), false, false, Set.of("fr"), Set.of());
    Eligibility full = new Eligibility(12, 17, Set.of(Gender.FEMALE), true, true, Set.of("fr", "ro"),
        Set.of(Specialism.TRAFFICKING));

    assertThat(full.admits(request(Set.of(Need.ACCOMPANYING_CHILD, Need.WHEELCHAIR_ACCESS), Set.of(), Set.of(), null))).isTrue();
    assertThat(plain.admits(request(Set.of(Need.ACCOMPANYING_CHILD), Set.of(), Set.of(), null))).isFalse();
    assertThat(plain.admits(request(Set.of(Need.WHEELCHAIR_ACCESS), Set.of(), Set.of(), null))).isFalse();
    assertThat(full.admits(request(Set.of(), Set.of(Specialism.TRAFFICKING), Set.of(), null))).isTrue();
    assertThat(plain.admits(request(Set.of(), Set.of(Specialism.TRAFFICKING), Set.of(), null))).isFalse();
    assertThat(full.admits(request(Set.of(), Set.of(), Set.of("ro", "uk"), null))).as("one common language").isTrue();
    assertThat(plain.admits(request(Set.of(), Set.of(), Set.of("ro"), null))).isFalse();
    assertThat(plain.admits(request(Set.of(), Set.of(), Set.of(), null))).as("no language asked").isTrue();
  }

  @Test
  void aMaximumTravelTimeExcludesFartherShelters() {
    Shelter near = candidate("near", new GeoPoint(48.90, 2.42), MINOR_GIRLS, NOW);
    Shelter far = candidate("far", new GeoPoint(48.20, 2.30), MINOR_GIRLS, NOW);

    List<MatchingPolicy.RankedShelter> ranked = policy.rank(request(Set.of(), Set.of(), Set.of(), 30), List.of(near, far), NOW);

    assertThat(ranked).extracting(r -> r.shelter().id()).containsExactly("near");
    assertThat(policy.qualifies(far, request(Set.of(), Set.of(), Set.of(), 30))).isFalse();
    assertThat(policy.beyondReach(200, request(Set.of(), Set.of(), Set.of(), 30))).isTrue();
    assertThat(policy.beyondReach(5, request(Set.of(), Set.of(), Set.of(), 30))).isFalse();
  }

  @Test
  void staleCapacityRanksAfterFreshWithinTheSameTravelBandButNotAcrossTheCountry() {
    Instant stale = NOW.minus(Duration.ofHours(30));
    Shelter staleNearest = candidate("stale-nearest", new GeoPoint(48.93, 2.36), MINOR_GIRLS, stale);
    Shelter freshNear = candidate("fresh-near", new GeoPoint(48.90, 2.30), MINOR_GIRLS, NOW.minusSeconds(60));
    Shelter freshFar = candidate("fresh-far", new GeoPoint(47.90, 2.30), MINOR_GIRLS, NOW);

    List<MatchingPolicy.RankedShelter> ranked =
        policy.rank(request(Set.of(), Set.of(), Set.of(), null), List.of(staleNearest, freshNear, freshFar), NOW);

    assertThat(ranked).extracting(r -> r.shelter().id()).containsExactly("fresh-near", "stale-nearest", "fresh-far");
    assertThat(ranked.get(1).stale()).isTrue();
  }

  @Test
  void atEqualTravelTheMoreRecentlyConfirmedComesFirst() {
    GeoPoint same = new GeoPoint(48.90, 2.30);
    Shelter older = candidate("a-older", same, MINOR_GIRLS, NOW.minus(Duration.ofHours(2)));
    Shelter newer = candidate("b-newer", same, MINOR_GIRLS, NOW.minusSeconds(10));

    assertThat(policy.rank(request(Set.of(), Set.of(), Set.of(), null), List.of(older, newer), NOW))
        .extracting(r -> r.shelter().id()).containsExactly("b-newer", "a-older");
  }

  @Test
  void theSearchStopsWhereNothingFartherCanWin() {
    MatchingPolicy.RankedShelter best = new MatchingPolicy.RankedShelter(
        candidate("x", new GeoPoint(48.9, 2.3), MINOR_GIRLS, NOW), Duration.ofMinutes(10), false);

    assertThat(policy.anythingFartherCouldBeat(5, best)).isTrue();
    assertThat(policy.anythingFartherCouldBeat(40, best)).as("40 km is at least 30 minutes: another band").isFalse();
    MatchingPolicy.RankedShelter staleBest = new MatchingPolicy.RankedShelter(best.shelter(), Duration.ofMinutes(10), true);
    assertThat(policy.anythingFartherCouldBeat(8, staleBest)).as("a fresh one in the same band would win").isTrue();
  }

  @Test
  void aShortlistRankedAgainByRoadPutsTheQuickerFirstAndKeepsTheSource() {
    Shelter nearer = candidate("nearer", new GeoPoint(48.95, 2.40), MINOR_GIRLS, NOW);
    Shelter quicker = candidate("quicker", new GeoPoint(48.75, 2.30), MINOR_GIRLS, NOW);
    PlacementRequest her = request(Set.of(), Set.of(), Set.of(), null);
    List<MatchingPolicy.RankedShelter> byStraightLine = policy.rank(her, List.of(quicker, nearer), NOW);
    assertThat(byStraightLine).extracting(r -> r.shelter().id()).containsExactly("nearer", "quicker");

    List<MatchingPolicy.RankedShelter> byRoad = policy.rankAgain(byStraightLine, List.of(
        new TravelEstimate(Duration.ofMinutes(41), TravelEstimate.Source.ROUTING),
        new TravelEstimate(Duration.ofMinutes(14), TravelEstimate.Source.ROUTING)));

    assertThat(byRoad).extracting(r -> r.shelter().id()).containsExactly("quicker", "nearer");
    assertThat(byRoad.getFirst().travelTime()).isEqualTo(Duration.ofMinutes(14));
    assertThat(policy.reasons(byRoad.getFirst(), 1, 2, her)).contains("TRAVEL_MINUTES: 14", "TRAVEL_ESTIMATE: ROUTING");
    assertThat(policy.withinMaxTravel(byRoad.getLast(), request(Set.of(), Set.of(), Set.of(), 30)))
        .as("41 minutes by road is beyond a maximum of 30").isFalse();
  }

  @Test
  void withoutEstimatesTheStraightLineOrderStandsMarkedAsAFallback() {
    PlacementRequest her = request(Set.of(), Set.of(), Set.of(), null);
    List<MatchingPolicy.RankedShelter> byStraightLine = policy.rank(her, List.of(
        candidate("nearer", new GeoPoint(48.95, 2.40), MINOR_GIRLS, NOW),
        candidate("farther", new GeoPoint(48.75, 2.30), MINOR_GIRLS, NOW)), NOW);

    List<MatchingPolicy.RankedShelter> again =
        policy.rankAgain(byStraightLine, MatchingPolicy.straightLineFallback(byStraightLine));

    assertThat(again).extracting(r -> r.shelter().id()).containsExactly("nearer", "farther");
    assertThat(again).extracting(MatchingPolicy.RankedShelter::travelTime)
        .containsExactlyElementsOf(byStraightLine.stream().map(MatchingPolicy.RankedShelter::travelTime).toList());
    assertThat(policy.reasons(again.getFirst(), 1, 2, her)).contains("TRAVEL_ESTIMATE: STRAIGHT_LINE_FALLBACK");
  }

  @Test
  void matchReasonsNameRulesAndNumbersButNoPlace() {
    PlacementRequest request = new PlacementRequest(new Person(14, Gender.FEMALE), Set.of(Need.WHEELCHAIR_ACCESS),
        found, List.of(new ExclusionZone(new GeoPoint(48.95, 2.40), 15)), Set.of(), Set.of("fr"), Set.of("t"), 60,
        Urgency.HIGH, null);
    MatchingPolicy.RankedShelter chosen = new MatchingPolicy.RankedShelter(
        candidate("x", new GeoPoint(48.75, 2.25), MINOR_GIRLS, NOW), Duration.ofMinutes(23), false);

    List<String> reasons = policy.reasons(chosen, 1, 4, request);

    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("ELIGIBLE"))
        .contains("OUTSIDE_EXCLUSION_ZONES: 1", "TRAVEL_MINUTES: 23 (max 60)", "TRAVEL_ESTIMATE: STRAIGHT_LINE",
            "CAPACITY_FRESH")
        .anySatisfy(r -> assertThat(r).startsWith("NO_KEEP_APART_CONFLICT"));
    assertThat(String.join(" ", reasons)).doesNotContain("48.", "2.25", "2.40");
  }
}
