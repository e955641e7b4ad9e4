package org.safebed.occupancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safebed.occupancy.domain.Fixtures.T0;
import static org.safebed.occupancy.domain.Fixtures.held;
import static org.safebed.occupancy.domain.Fixtures.pending;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A no-show ends a held placement like a cancel; what to prepare lives only while she has a bed. */
class NoShowAndArrivalTest {

  private final Instant expiry = T0.plus(Duration.ofMinutes(60));

  @Test
  void aNoShowEndsAHeldPlacementWithTheCancelEventOnce() {
    Placement.Change noShow = held(expiry).noShow(T0.plusSeconds(60));

    assertThat(noShow.placement().status()).isEqualTo(PlacementStatus.NO_SHOW);
    assertThat(noShow.placement().status().isFinal()).isTrue();
    assertThat(noShow.placement().status().hasBed()).isFalse();
    assertThat(noShow.events()).as("transport ends its job as on a cancel")
        .containsExactly(new PlacementEvent.Cancelled("p-1", "s-1"));
    assertThat(noShow.placement().noShow(T0.plusSeconds(90)).changed()).as("idempotent").isFalse();
  }

  @Test
  void onlyAHeldPlacementCanBeANoShow() {
    Placement checkedIn = held(expiry).checkIn(T0).placement();
    assertThatThrownBy(() -> checkedIn.noShow(T0)).isInstanceOf(IllegalTransitionException.class);
    Placement cancelled = held(expiry).cancel(T0).placement();
    assertThatThrownBy(() -> cancelled.noShow(T0)).isInstanceOf(IllegalTransitionException.class);
    Placement waiting = pending(Fixtures.girlOf14At(new GeoPoint(48.85, 2.35)));
    assertThatThrownBy(() -> waiting.noShow(T0)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void theArrivalIsCoarseAndGoesWhenThePlacementEnds() {
    Placement placement = held(expiry);
    Arrival arrival = placement.arrival().orElseThrow();
    assertThat(arrival.ageBand()).isEqualTo(AgeBand.AGE_14_15);
    assertThat(arrival.gender()).isEqualTo(Gender.FEMALE);

    assertThat(placement.checkIn(T0).placement().arrival()).as("she lives there").isPresent();
    assertThat(placement.checkIn(T0).placement().checkOut(CheckOutReason.OTHER, T0).placement().arrival()).isEmpty();
    assertThat(placement.noShow(T0).placement().arrival()).isEmpty();
    assertThat(placement.cancel(T0).placement().arrival()).isEmpty();
    assertThat(pending(Fixtures.girlOf14At(new GeoPoint(48.85, 2.35))).arrival()).as("no bed yet").isEmpty();
  }

  @Test
  void ageBandsCoverEveryAllowedAgeAtTheirEdges() {
    assertThat(AgeBand.of(0)).isEqualTo(AgeBand.UNDER_12);
    assertThat(AgeBand.of(11)).isEqualTo(AgeBand.UNDER_12);
    assertThat(AgeBand.of(12)).isEqualTo(AgeBand.AGE_12_13);
    assertThat(AgeBand.of(15)).isEqualTo(AgeBand.AGE_14_15);
    assertThat(AgeBand.of(16)).isEqualTo(AgeBand.AGE_16_17);
    assertThat(AgeBand.of(17)).isEqualTo(AgeBand.AGE_16_17);
    assertThat(AgeBand.of(18)).as("adults apart from minors").isEqualTo(AgeBand.AGE_18_25);
    assertThat(AgeBand.of(25)).isEqualTo(AgeBand.AGE_18_25);
    assertThatThrownBy(() -> AgeBand.of(26)).isInstanceOf(InvalidValueException.class);
    assertThat(Set.of(AgeBand.values())).hasSize(5);
  }
}
