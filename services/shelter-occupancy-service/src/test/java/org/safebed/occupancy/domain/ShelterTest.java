package org.safebed.occupancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShelterTest {

  private final Shelter shelter = Fixtures.shelter("s-1", new GeoPoint(48.75, 2.25), Fixtures.MINOR_GIRLS);

  @Test
  void bedsAreAddedUpToFiveHundredSlots() {
    assertThat(shelter.withMoreBeds(2).bedCount()).isEqualTo(5);
    assertThat(shelter.withMoreBeds(2).bedIds()).containsExactly("s-1-bed-1", "s-1-bed-2", "s-1-bed-3", "s-1-bed-4",
        "s-1-bed-5");
    assertThatThrownBy(() -> shelter.withMoreBeds(498)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> shelter.withMoreBeds(0)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> shelter.withStatus(ShelterStatus.COMPROMISED).withMoreBeds(1))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void capacityIsStaleWhenNotConfirmedForTooLongOrNever() {
    Instant now = Instant.parse("2026-11-22T18:00:00Z");
    Duration day = Duration.ofHours(24);

    assertThat(shelter.isCapacityStale(now, day)).as("never confirmed").isTrue();
    assertThat(shelter.withCapacityConfirmedAt(now.minus(Duration.ofHours(23))).isCapacityStale(now, day)).isFalse();
    assertThat(shelter.withCapacityConfirmedAt(now.minus(Duration.ofHours(25))).isCapacityStale(now, day)).isTrue();
  }

  @Test
  void aCompromisedShelterNeverReopensAndTakesNobody() {
    Shelter compromised = shelter.withStatus(ShelterStatus.COMPROMISED);

    assertThat(compromised.acceptsPlacements()).isFalse();
    assertThat(shelter.withStatus(ShelterStatus.CLOSED).acceptsPlacements()).isFalse();
    assertThatThrownBy(() -> compromised.withStatus(ShelterStatus.OPEN)).isInstanceOf(IllegalTransitionException.class);
  }
}
