package org.safebed.occupancy.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.TravelEstimate;
import org.safebed.occupancy.domain.TravelEstimate.Source;
import org.safebed.occupancy.domain.TravelEstimates;
import org.safebed.platform.testing.TestClock;

/** Transport is asked once per pair of areas while its answer is fresh, and only about what it does not know. */
class RememberedTravelEstimatesTest {

  private static final GeoPoint PICKUP = new GeoPoint(48.9, 2.4);
  private static final GeoPoint NORTH = new GeoPoint(49.1, 2.4);
  private static final GeoPoint SOUTH = new GeoPoint(48.7, 2.4);

  private final TestClock clock = new TestClock();
  private final List<List<GeoPoint>> asked = new ArrayList<>();
  private Source answering = Source.ROUTING;
  private boolean down;

  /** Transport: 10 minutes per tenth of a degree of latitude, by road unless told otherwise. */
  private final TravelEstimates transport = new TravelEstimates() {
    @Override
    public Optional<List<TravelEstimate>> from(GeoPoint pickupArea, List<GeoPoint> shelterAreas) {
      asked.add(List.copyOf(shelterAreas));
      if (down) {
        return Optional.empty();
      }
      return Optional.of(shelterAreas.stream()
          .map(area -> new TravelEstimate(
              Duration.ofMinutes(Math.round(Math.abs(area.lat() - pickupArea.lat()) * 100)), answering))
          .toList());
    }

    @Override
    public int shortlistSize() {
      return 10;
    }
  };

  private final RememberedTravelEstimates estimates =
      new RememberedTravelEstimates(transport, Duration.ofMinutes(10), clock);

  @Test
  void aPairAskedBeforeIsAnsweredWithoutAskingAndOnlyTheNewOnesAreAsked() {
    assertThat(estimates.from(PICKUP, List.of(NORTH))).isPresent();

    Optional<List<TravelEstimate>> both = estimates.from(PICKUP, List.of(SOUTH, NORTH));

    assertThat(both.orElseThrow()).extracting(TravelEstimate::time)
        .containsExactly(Duration.ofMinutes(20), Duration.ofMinutes(20));
    assertThat(asked).containsExactly(List.of(NORTH), List.of(SOUTH));
    assertThat(estimates.from(PICKUP, List.of(NORTH, SOUTH))).isPresent();
    assertThat(asked).as("nothing new to ask").hasSize(2);
  }

  @Test
  void roadTimesAreAskedAgainOnceStaleAndFallbackAnswersSoonerSoRoutingReturnsQuickly() {
    answering = Source.TRANSPORT_STRAIGHT_LINE;
    estimates.from(PICKUP, List.of(NORTH));
    clock.advance(RememberedTravelEstimates.FALLBACK_REMEMBERED.plusSeconds(1));
    answering = Source.ROUTING;

    assertThat(estimates.from(PICKUP, List.of(NORTH)).orElseThrow().getFirst().source()).isEqualTo(Source.ROUTING);
    clock.advance(Duration.ofMinutes(9));
    estimates.from(PICKUP, List.of(NORTH));
    clock.advance(Duration.ofMinutes(2));
    estimates.from(PICKUP, List.of(NORTH));

    assertThat(asked).as("fallback, road time, still fresh, stale again").hasSize(3);
  }

  @Test
  void withoutTransportsAnswerForTheUnknownOnesThereIsNoAnswerAtAll() {
    estimates.from(PICKUP, List.of(NORTH));
    down = true;

    assertThat(estimates.from(PICKUP, List.of(NORTH, SOUTH))).isEmpty();
    assertThat(estimates.from(PICKUP, List.of(NORTH))).as("what it knows it still answers").isPresent();
  }
}
