package org.safebed.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safebed.referral.domain.Fixtures.CENTRAL;
import static org.safebed.referral.domain.Fixtures.north;
import static org.safebed.referral.domain.Fixtures.referral;
import static org.safebed.referral.domain.Fixtures.unit;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitMatchingTest {

  private static final SafetyConstraints ZONE_AROUND_CENTRAL =
      new SafetyConstraints(List.of(new ExclusionZone(CENTRAL, 5)), List.of());

  private static List<String> ids(List<UnitMatch> matches) {
    return matches.stream().map(m -> m.unit().id()).toList();
  }

  @Test
  void eligibleUnitPassesEveryRule() {
    LocatedUnit candidate = new LocatedUnit(unit("u1", "central"), north(CENTRAL, 10));
    assertThat(UnitMatching.check(candidate, Set.of(Need.YOUNG_ADULT), ZONE_AROUND_CENTRAL)).isEmpty();
  }

  @Test
  void unitInsideAnExclusionZoneIsIneligible() {
    LocatedUnit candidate = new LocatedUnit(unit("u1", "central"), north(CENTRAL, 4));
    assertThat(UnitMatching.check(candidate, Set.of(Need.YOUNG_ADULT), ZONE_AROUND_CENTRAL))
        .contains(Ineligibility.INSIDE_EXCLUSION_ZONE);
  }

  @Test
  void unitNotSuitingEveryHouseholdNeedIsIneligible() {
    LocatedUnit candidate = new LocatedUnit(unit("u1", "central", Suitability.YOUNG_ADULT), north(CENTRAL, 10));
    assertThat(UnitMatching.check(candidate, Set.of(Need.YOUNG_ADULT, Need.WITH_CHILD), SafetyConstraints.NONE))
        .contains(Ineligibility.UNSUITABLE);
  }

  @Test
  void residentNeedingAccessibilityGetsOnlyAccessibleUnits() {
    LocatedUnit plain = new LocatedUnit(unit("u1", "central"), north(CENTRAL, 10));
    LocatedUnit stepFree = new LocatedUnit(Fixtures.accessible(unit("u2", "central")), north(CENTRAL, 10));
    assertThat(UnitMatching.check(plain, Set.of(Need.ACCESSIBLE), SafetyConstraints.NONE))
        .contains(Ineligibility.NOT_ACCESSIBLE);
    assertThat(UnitMatching.check(stepFree, Set.of(Need.ACCESSIBLE), SafetyConstraints.NONE)).isEmpty();
  }

  @Test
  void reservedOrLetUnitIsNotAvailable() {
    LocatedUnit reserved =
        new LocatedUnit(Fixtures.withStatus(unit("u1", "central"), UnitStatus.RESERVED), north(CENTRAL, 10));
    assertThat(UnitMatching.check(reserved, Set.of(), SafetyConstraints.NONE)).contains(Ineligibility.NOT_AVAILABLE);
  }

  @Test
  void rankingDropsIneligibleUnitsAndPutsPreferredRegionsFirstInTheirOrder() {
    List<LocatedUnit> candidates =
        List.of(
            new LocatedUnit(unit("u-south", "south"), north(CENTRAL, -600)),
            new LocatedUnit(unit("u-north", "north"), north(CENTRAL, 200)),
            new LocatedUnit(unit("u-central-unsafe", "central"), north(CENTRAL, 1)),
            new LocatedUnit(unit("u-central", "central"), north(CENTRAL, 30)));
    List<UnitMatch> ranked =
        UnitMatching.rank(candidates, referral(Set.of(Need.YOUNG_ADULT), List.of("central", "north")), ZONE_AROUND_CENTRAL, 10);
    assertThat(ids(ranked)).containsExactly("u-central", "u-north", "u-south");
    assertThat(ranked).extracting(UnitMatch::rank).containsExactly(1, 2, 3);
    assertThat(ranked).extracting(UnitMatch::inPreferredRegion).containsExactly(true, true, false);
  }

  @Test
  void withinARegionTheUnitFartherFromTheZonesRanksFirst() {
    List<LocatedUnit> candidates =
        List.of(
            new LocatedUnit(Fixtures.withRent(unit("u-near", "central"), 100), north(CENTRAL, 7)),
            new LocatedUnit(Fixtures.withRent(unit("u-far", "central"), 900), north(CENTRAL, 25)));
    assertThat(ids(UnitMatching.rank(candidates, referral(), ZONE_AROUND_CENTRAL, 10)))
        .containsExactly("u-far", "u-near");
  }

  @Test
  void marginsBeyondTheCapCountAsEqualSoCheaperRentDecides() {
    List<LocatedUnit> candidates =
        List.of(
            new LocatedUnit(Fixtures.withRent(unit("u-very-far", "central"), 900), north(CENTRAL, 300)),
            new LocatedUnit(Fixtures.withRent(unit("u-far", "central"), 500), north(CENTRAL, 80)));
    assertThat(ids(UnitMatching.rank(candidates, referral(), ZONE_AROUND_CENTRAL, 10)))
        .containsExactly("u-far", "u-very-far");
  }

  @Test
  void accessibleUnitsAreKeptForThoseWhoNeedThem() {
    List<LocatedUnit> candidates =
        List.of(
            new LocatedUnit(Fixtures.accessible(unit("u-step-free", "central")), north(CENTRAL, 30)),
            new LocatedUnit(unit("u-plain", "central"), north(CENTRAL, 30)));
    assertThat(ids(UnitMatching.rank(candidates, referral(), SafetyConstraints.NONE, 10)))
        .containsExactly("u-plain", "u-step-free");
    assertThat(ids(UnitMatching.rank(candidates, referral(Set.of(Need.ACCESSIBLE), List.of()), SafetyConstraints.NONE, 10)))
        .containsExactly("u-step-free");
  }

  @Test
  void theLeastOverQualifiedUnitRanksFirst() {
    List<LocatedUnit> candidates =
        List.of(
            new LocatedUnit(unit("u-family", "central", Suitability.YOUNG_ADULT, Suitability.WITH_CHILD), north(CENTRAL, 30)),
            new LocatedUnit(unit("u-single", "central", Suitability.YOUNG_ADULT), north(CENTRAL, 30)));
    assertThat(ids(UnitMatching.rank(candidates, referral(), SafetyConstraints.NONE, 10)))
        .containsExactly("u-single", "u-family");
  }

  @Test
  void rankingRespectsTheLimit() {
    List<LocatedUnit> candidates =
        List.of(
            new LocatedUnit(unit("u1", "central"), north(CENTRAL, 30)),
            new LocatedUnit(unit("u2", "central"), north(CENTRAL, 30)),
            new LocatedUnit(unit("u3", "central"), north(CENTRAL, 30)));
    assertThat(ids(UnitMatching.rank(candidates, referral(), SafetyConstraints.NONE, 2))).containsExactly("u1", "u2");
  }
}
