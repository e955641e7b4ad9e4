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
    Shelter closed = candidate("closed", new GeoPoint(48.80, 2.30), MINOR_GIRLS).withStatus(ShelterStatus.CLOSED);

    List<MatchingPolicy.RankedShelter> ranked = policy.rank(girlOf14At(found), List.of(
        candidate("adults", new GeoPoint(48.85, 2.35), adults),
        closed,
        candidate("marseille", new GeoPoint(43.30, 5.37), MINOR_GIRLS),
        candidate("ok", new GeoPoint(48.70, 2.20), MINOR_GIRLS)));

    assertThat(ranked).extracting(r -> r.shelter().id()).containsExactly("ok");
  }

  @Test
  void aZoneThatReachesAnyPointOfTheAreaExcludesTheShelterEvenWhenItsExactLocationIsOutside() {
    GeoPoint exact = new GeoPoint(48.8010, 2.3010); // area 48.80, 2.30: it may lie up to 0.025° away
    Shelter shelter = Fixtures.shelter("edge", exact, MINOR_GIRLS);
    GeoPoint zoneCentre = new GeoPoint(48.80, 2.36); // ~4.3 km east of the exact location
    PlacementRequest farEnough = girlOf14At(found, new ExclusionZone(zoneCentre, 2.0));
    PlacementRequest touchesTheArea = girlOf14At(found, new ExclusionZone(zoneCentre, 2.6));

    assertThat(exact.distanceKmTo(zoneCentre)).isGreaterThan(2.6);
    assertThat(policy.qualifies(shelter, farEnough)).isTrue();
    assertThat(policy.qualifies(shelter, touchesTheArea)).as("the area's east edge is ~2.5 km from the centre")
        .isFalse();
  }

  @Test
  void noAnswerDependsOnWhereInItsAreaAShelterLies() {
    // Two shelters of one area, at opposite corners: whatever zones, pick-up points and travel limits
    // a caller tries, the rules answer the same for both, so no sequence of requests tells them apart.
    Shelter southWest = Fixtures.shelter("sw", new GeoPoint(48.7751, 2.2751), MINOR_GIRLS);
    Shelter northEast = Fixtures.shelter("ne", new GeoPoint(48.8249, 2.3249), MINOR_GIRLS);
    assertThat(southWest.area()).isEqualTo(northEast.area());
    java.util.Random random = new java.util.Random(20261207);
    for (int i = 0; i < 20_000; i++) {
      GeoPoint pickup = new GeoPoint(48.3 + random.nextDouble(), 1.8 + random.nextDouble());
      GeoPoint centre = new GeoPoint(48.7 + random.nextDouble() * 0.2, 2.2 + random.nextDouble() * 0.2);
      double radius = 0.01 + random.nextDouble() * 8;
      Integer maxTravel = random.nextBoolean() ? null : 1 + random.nextInt(90);
      PlacementRequest request = new PlacementRequest(new Person(14, Gender.FEMALE), Set.of(), pickup,
          List.of(new ExclusionZone(centre, radius)), Set.of(), Set.of(), Set.of(), maxTravel, Urgency.NORMAL, null);

      assertThat(policy.qualifies(southWest, request)).isEqualTo(policy.qualifies(northEast, request));
      assertThat(policy.ranked(southWest, request, Fixtures.T0).travelTime())
          .isEqualTo(policy.ranked(northEast, request, Fixtures.T0).travelTime());
    }
  }

  @Test
  void theDemoRequestGetsTheCentralMinorsShelterOutsideTheZone() {
    List<Shelter> demo = org.safebed.occupancy.application.DemoShelters.ALL_SHELTERS.stream()
        .map(s -> new Shelter(s.id(), s.codeName(), s.region(), ShelterStatus.OPEN,
            s.eligibility(), s.location().roundedTo(0.05), "x", "y", s.bedCount()))
        .toList();

    List<MatchingPolicy.RankedShelter> ranked =
        new MatchingPolicy(1000, StraightLineTravelTime.DEFAULT).rank(girlOf14At(found, exploiters), demo);

    assertThat(ranked.getFirst().shelter().id()).isEqualTo("shelter-central-2");
    assertThat(ranked).extracting(r -> r.shelter().id()).doesNotContain("shelter-central-1");
  }
}
