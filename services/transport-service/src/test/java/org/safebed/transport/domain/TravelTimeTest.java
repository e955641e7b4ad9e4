package org.safebed.transport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TravelTimeTest {

  private static final GeoPoint PARIS = new GeoPoint(48.8566, 2.3522);
  private static final GeoPoint LILLE = new GeoPoint(50.6292, 3.0573);

  @Test
  void haversineDistanceParisToLille() {
    assertThat(PARIS.kilometresTo(LILLE)).isCloseTo(204.0, within(2.0));
    assertThat(PARIS.kilometresTo(PARIS)).isZero();
  }

  @Test
  void straightLineIsDistanceAtFiftyKmhPlusFiveMinutesRoundedUp() {
    double km = PARIS.kilometresTo(LILLE);
    TravelTime estimate = TravelTime.straightLine(PARIS, LILLE);

    assertThat(estimate.source()).isEqualTo(EtaSource.STRAIGHT_LINE);
    assertThat(estimate.minutes()).isEqualTo((int) Math.ceil(km / 50 * 60 + 5));
    assertThat(TravelTime.straightLine(PARIS, PARIS).minutes()).isEqualTo(5);
  }

  @Test
  void routedSecondsRoundUpToMinutes() {
    assertThat(TravelTime.routed(600)).isEqualTo(new TravelTime(10, EtaSource.ROUTING));
    assertThat(TravelTime.routed(601)).isEqualTo(new TravelTime(11, EtaSource.ROUTING));
    assertThatThrownBy(() -> TravelTime.routed(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TravelTime.routed(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twoLegsAreRoutedOnlyIfBothAre() {
    TravelTime routed = new TravelTime(10, EtaSource.ROUTING);
    TravelTime guessed = new TravelTime(7, EtaSource.STRAIGHT_LINE);

    assertThat(routed.then(routed)).isEqualTo(new TravelTime(20, EtaSource.ROUTING));
    assertThat(routed.then(guessed)).isEqualTo(new TravelTime(17, EtaSource.STRAIGHT_LINE));
    assertThat(guessed.then(routed).source()).isEqualTo(EtaSource.STRAIGHT_LINE);
  }

  @Test
  void coordinatesOutOfRangeAreRefused() {
    assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GeoPoint(0, -181)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
