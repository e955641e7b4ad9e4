package org.safebed.occupancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExclusionZoneTest {

  private final ExclusionZone zone = new ExclusionZone(new GeoPoint(48.95, 2.40), 15);

  @Test
  void containsPointsWithinTheRadius() {
    assertThat(zone.contains(new GeoPoint(48.95, 2.40))).isTrue();
    assertThat(zone.contains(new GeoPoint(48.902, 2.418))).isTrue(); // ~5.5 km
    assertThat(zone.contains(new GeoPoint(48.9362, 2.3574))).isTrue(); // where the demo child is found
  }

  @Test
  void excludesPointsBeyondTheRadius() {
    assertThat(zone.contains(new GeoPoint(48.752, 2.251))).isFalse(); // ~24.6 km
  }

  @Test
  void theBoundaryCountsAsInside() {
    GeoPoint centre = new GeoPoint(0, 0);
    GeoPoint edge = new GeoPoint(1, 0);
    double exact = centre.distanceKmTo(edge);

    assertThat(new ExclusionZone(centre, exact).contains(edge)).isTrue();
    assertThat(new ExclusionZone(centre, exact - 0.001).contains(edge)).isFalse();
  }

  @Test
  void refusesNonsenseRadii() {
    assertThatThrownBy(() -> new ExclusionZone(new GeoPoint(0, 0), 0)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new ExclusionZone(new GeoPoint(0, 0), 501)).isInstanceOf(InvalidValueException.class);
  }
}
