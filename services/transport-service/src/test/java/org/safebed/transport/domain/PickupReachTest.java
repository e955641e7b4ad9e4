package org.safebed.transport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PickupReachTest {

  private static final GeoPoint PICKUP = new GeoPoint(48.86, 2.35);
  private static final PickupReach NINETY_MINUTES = new PickupReach(Duration.ofMinutes(90));

  @Test
  void aDriveWithinTheLimitReachesHerAndOneMinuteMoreDoesNot() {
    assertThat(NINETY_MINUTES.reachedIn(new TravelTime(90, EtaSource.ROUTING))).isTrue();
    assertThat(NINETY_MINUTES.reachedIn(new TravelTime(91, EtaSource.ROUTING))).isFalse();
    assertThat(NINETY_MINUTES.reachedIn(new TravelTime(22_553, EtaSource.STRAIGHT_LINE))).isFalse();
  }

  @Test
  void aDriverFartherThanAnyRoadCouldBringThemInTimeIsRuledOutWithoutRouting() {
    GeoPoint marseille = new GeoPoint(43.30, 5.37); // about 660 km: five hours even at 130 km/h
    GeoPoint lille = new GeoPoint(50.63, 3.06); // about 204 km: 94 minutes at 130 km/h

    assertThat(NINETY_MINUTES.mightReach(marseille, PICKUP)).isFalse();
    assertThat(NINETY_MINUTES.mightReach(lille, PICKUP)).isFalse();
    assertThat(new PickupReach(Duration.ofMinutes(100)).mightReach(lille, PICKUP)).isTrue();
  }

  @Test
  void aDriverCloseByMightReachHerSoTheRoutingProviderDecides() {
    GeoPoint acrossTown = new GeoPoint(48.90, 2.30);

    assertThat(NINETY_MINUTES.mightReach(acrossTown, PICKUP)).isTrue();
    assertThat(NINETY_MINUTES.mightReach(PICKUP, PICKUP)).isTrue();
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(() -> new PickupReach(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PickupReach(Duration.ofMinutes(-5))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PickupReach(null)).isInstanceOf(NullPointerException.class);
  }
}
