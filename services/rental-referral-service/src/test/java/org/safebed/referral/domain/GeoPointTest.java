package org.safebed.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeoPointTest {

  @Test
  void distanceBetweenParisAndMarseilleIsAboutSixHundredSixtyKm() {
    GeoPoint paris = new GeoPoint(48.8566, 2.3522);
    GeoPoint marseille = new GeoPoint(43.2965, 5.3698);
    assertThat(paris.distanceKm(marseille)).isCloseTo(661, within(5.0));
    assertThat(paris.distanceKm(paris)).isZero();
  }

  @Test
  void refusesCoordinatesOutOfRange() {
    assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GeoPoint(0, -181)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverPrintsCoordinates() {
    assertThat(new GeoPoint(48.8566, 2.3522).toString()).doesNotContain("48.8").doesNotContain("2.35");
    assertThat(new ExclusionZone(new GeoPoint(48.8566, 2.3522), 3).toString()).doesNotContain("48.8");
    assertThat(new SafetyConstraints(List.of(new ExclusionZone(new GeoPoint(48.8566, 2.3522), 3)), List.of("p-9")).toString())
        .doesNotContain("48.8").doesNotContain("p-9");
  }

  @Test
  void zoneContainsPointsUpToItsEdgeInclusive() {
    ExclusionZone zone = new ExclusionZone(Fixtures.CENTRAL, 5);
    assertThat(zone.contains(Fixtures.north(Fixtures.CENTRAL, 4.9))).isTrue();
    assertThat(zone.contains(Fixtures.north(Fixtures.CENTRAL, 5.1))).isFalse();
    assertThat(zone.marginKm(Fixtures.north(Fixtures.CENTRAL, 8))).isCloseTo(3, within(0.05));
  }

  @Test
  void safetyMarginIsTheDistanceToTheNearestZoneEdge() {
    SafetyConstraints safety =
        new SafetyConstraints(
            List.of(new ExclusionZone(Fixtures.CENTRAL, 2), new ExclusionZone(Fixtures.north(Fixtures.CENTRAL, 20), 1)),
            List.of());
    GeoPoint point = Fixtures.north(Fixtures.CENTRAL, 15);
    assertThat(safety.safetyMarginKm(point)).isCloseTo(4, within(0.05));
    assertThat(SafetyConstraints.NONE.safetyMarginKm(point)).isInfinite();
    assertThat(safety.excludes(Fixtures.north(Fixtures.CENTRAL, 19.5))).isTrue();
  }
}
