package org.safebed.occupancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safebed.occupancy.domain.Fixtures.MINOR_GIRLS;
import static org.safebed.occupancy.domain.Fixtures.candidate;
import static org.safebed.occupancy.domain.Fixtures.girlOf14At;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchingPolicyTest {

  private final MatchingPolicy policy = new MatchingPolicy(300, StraightLineTravelTime.DEFAULT);
  private final GeoPoint found = new GeoPoint(48.9362, 2.3574);
  private final ExclusionZone exploiters = new ExclusionZone(new GeoPoint(48.95, 2.40), 15);

  @Test
  void ranksQualifyingSheltersNearestFirst() {
    List<MatchingPolicy.RankedShelter> ranked = policy.rank(girlOf14At(found), List.of(
        candidate("far", new GeoPoint(50.63, 3.07), MINOR_GIRLS),
        candidate("near", new GeoPoint(48.90, 2.42), MINOR_GIRLS),
        candidate("middle", new GeoPoint(48.75, 2.25), MINOR_GIRLS)));

    assertThat(ranked).extracting(r -> r.shelter().id()).containsExactly("near", "middle", "far");
    assertThat(ranked.get(0).travelTime()).isLessThan(ranked.get(1).travelTime());
  }

  @Test
  void neverPlacesInsideAnExclusionZoneEvenWhenNearest() {
    List<MatchingPolicy.RankedShelter> ranked = policy.rank(girlOf14At(found, exploiters), List.of(
        candidate("inside-zone", new GeoPoint(48.902, 2.418), MINOR_GIRLS),
        candidate("outside-zone", new GeoPoint(48.752, 2.251), MINOR_GIRLS)));

    assertThat(ranked).extracting(r -> r.shelter().id()).containsExactly("outside-zone");
  }

  @Test
  void everyZoneCounts() {
    ExclusionZone home = new ExclusionZone(new GeoPoint(48.75, 2.25), 5);
    List<MatchingPolicy.RankedShelter> ranked = policy.rank(girlOf14At(found, exploiters, home), List.of(
        candidate("inside-zone", new GeoPoint(48.902, 2.418), MINOR_GIRLS),
        candidate("at-home", new GeoPoint(48.752, 2.251), MINOR_GIRLS)));

    assertThat(ranked).isEmpty();
  }

  @Test
  void skipsIneligibleClosedAndOutOfRangeShelters() {
    Eligibility adults = new Eligibility(18, 21, Set.of(Gender.FEMALE), false, false, null, null);
    ShelterCandidate closed = candidate("closed", new GeoPoint(48.80, 2.30), MINOR_GIRLS);
    closed = new ShelterCandidate(closed.shelter().withStatus(ShelterStatus.CLOSED), closed.location());

    List<MatchingPolicy.RankedShelter> ranked = policy.rank(girlOf14At(found), List.of(
        candidate("adults", new GeoPoint(48.85, 2.35), adults),
        closed,
        candidate("marseille", new GeoPoint(43.30, 5.37), MINOR_GIRLS),
        candidate("ok", new GeoPoint(48.70, 2.20), MINOR_GIRLS)));

    assertThat(ranked).extracting(r -> r.shelter().id()).containsExactly("ok");
  }

  @Test
  void preselectionOnTheCoarseAreaNeverDropsAShelterTheExactRulesWouldKeep() {
    // A shelter just inside the radius by its exact location, whatever its rounding.
    GeoPoint origin = new GeoPoint(0, 0);
    GeoPoint exact = new GeoPoint(0, 2.69); // ~299.1 km
    Shelter shelter = Fixtures.shelter("edge", exact, MINOR_GIRLS);
    PlacementRequest request = girlOf14At(origin);

    assertThat(policy.qualifies(new ShelterCandidate(shelter, exact), request)).isTrue();
    assertThat(policy.worthLocating(shelter, request)).isTrue();
  }

  @Test
  void theDemoRequestGetsTheCentralMinorsShelterOutsideTheZone() {
    List<ShelterCandidate> demo = org.safebed.occupancy.application.DemoShelters.ALL_SHELTERS.stream()
        .map(s -> new ShelterCandidate(new Shelter(s.id(), s.codeName(), s.region(), ShelterStatus.OPEN,
            s.eligibility(), s.location().roundedTo(0.05), "x", "y", s.bedCount()), s.location()))
        .toList();

    List<MatchingPolicy.RankedShelter> ranked =
        new MatchingPolicy(1000, StraightLineTravelTime.DEFAULT).rank(girlOf14At(found, exploiters), demo);

    assertThat(ranked.getFirst().shelter().id()).isEqualTo("shelter-central-2");
    assertThat(ranked).extracting(r -> r.shelter().id()).doesNotContain("shelter-central-1");
  }
}
