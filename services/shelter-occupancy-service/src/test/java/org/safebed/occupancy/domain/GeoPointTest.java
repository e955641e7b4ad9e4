package org.safebed.occupancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

  @Test
  void haversineDistanceMatchesKnownCityDistances() {
    GeoPoint paris = new GeoPoint(48.8566, 2.3522);
    GeoPoint lille = new GeoPoint(50.6292, 3.0573);
    GeoPoint marseille = new GeoPoint(43.2965, 5.3698);

    assertThat(paris.distanceKmTo(lille)).isCloseTo(204, within(2.0));
    assertThat(paris.distanceKmTo(marseille)).isCloseTo(661, within(3.0));
    assertThat(paris.distanceKmTo(paris)).isZero();
    assertThat(lille.distanceKmTo(paris)).isCloseTo(paris.distanceKmTo(lille), within(1e-9));
  }

  @Test
  void oneDegreeOfLatitudeIsAbout111Km() {
    assertThat(new GeoPoint(0, 0).distanceKmTo(new GeoPoint(1, 0))).isCloseTo(111.2, within(0.2));
  }

  @Test
  void roundsToAGridWithoutFloatingNoise() {
    GeoPoint point = new GeoPoint(48.7534, 2.2512);

    assertThat(point.roundedTo(0.05)).isEqualTo(new GeoPoint(48.75, 2.25));
    assertThat(point.roundedTo(0.01)).isEqualTo(new GeoPoint(48.75, 2.25));
    assertThat(new GeoPoint(48.9362, 2.3574).roundedTo(0.01)).isEqualTo(new GeoPoint(48.94, 2.36));
    assertThat(new GeoPoint(48.9362, 2.3574).roundedTo(0.05)).isEqualTo(new GeoPoint(48.95, 2.35));
  }

  @Test
  void refusesCoordinatesOffTheGlobe() {
    assertThatThrownBy(() -> new GeoPoint(90.01, 0)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new GeoPoint(0, -180.5)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(InvalidValueException.class);
  }
}
