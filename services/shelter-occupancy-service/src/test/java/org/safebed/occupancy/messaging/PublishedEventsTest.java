package org.safebed.occupancy.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safebed.occupancy.domain.Fixtures.MINOR_GIRLS;
import static org.safebed.occupancy.domain.Fixtures.T0;
import static org.safebed.occupancy.domain.Fixtures.girlOf14At;
import static org.safebed.occupancy.domain.Fixtures.pending;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.CheckOutReason;
import org.safebed.occupancy.domain.EscortGender;
import org.safebed.occupancy.domain.Fixtures;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Person;
import org.safebed.occupancy.domain.PlacementEvent;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.Urgency;
import org.safebed.platform.messaging.OutboxEvent;

/** Occupancy's events on the wire: the placement is aggregate and correlation, data is coarse. */
class PublishedEventsTest {

  private final Instant expiry = T0.plus(Duration.ofMinutes(60));

  @Test
  void bedHeldGoesOutWithCoarseAreasOnly() {
    Shelter shelter = Fixtures.shelter("s-1", new GeoPoint(48.7523, 2.2514), MINOR_GIRLS);
    PlacementEvent held = pending(girlOf14At(new GeoPoint(48.9362, 2.3574)))
        .holdBed(shelter, "s-1-bed-1", expiry, T0).events().getFirst();

    OutboxEvent outbox = PublishedEvents.toOutbox(held);

    assertThat(outbox.type()).isEqualTo("placement.bed-held.v1");
    assertThat(outbox.aggregateId()).isEqualTo(held.placementId());
    assertThat(outbox.correlationId()).isEqualTo(held.placementId());
    assertThat(outbox.data()).containsOnlyKeys("placementId", "shelterId", "shelterCodeName", "region", "minor",
        "pickupArea", "destinationArea", "holdExpiresAt");
    assertThat(outbox.data()).containsEntry("pickupArea", Map.of("lat", 48.94, "lon", 2.36))
        .containsEntry("destinationArea", Map.of("lat", 48.75, "lon", 2.25))
        .containsEntry("holdExpiresAt", expiry.toString());
    assertThat(outbox.data().toString()).doesNotContain("48.7523", "2.2514", "48.9362", "2.3574", "sealed");
  }

  @Test
  void bedHeldCarriesHerEscortPreferencesWhenSheGaveThem() {
    PlacementRequest request = new PlacementRequest(new Person(14, Gender.FEMALE), Set.of(), new GeoPoint(48.9, 2.3),
        List.of(), Set.of(), Set.of("ro", "fr"), Set.of(), null, Urgency.NORMAL, EscortGender.FEMALE);

    Map<String, Object> data = PublishedEvents.toOutbox(bedHeldFor(request)).data();

    assertThat(data).containsEntry("escortGender", "FEMALE").containsEntry("languages", List.of("fr", "ro"));
  }

  @Test
  void bedHeldLeavesOutEscortPreferencesSheDidNotGive() {
    PlacementRequest request = new PlacementRequest(new Person(14, Gender.FEMALE), Set.of(), new GeoPoint(48.9, 2.3),
        List.of(), Set.of(), Set.of(), Set.of(), null, Urgency.NORMAL, null);

    Map<String, Object> data = PublishedEvents.toOutbox(bedHeldFor(request)).data();

    assertThat(data).doesNotContainKeys("escortGender", "languages");
  }

  @Test
  void theOtherEventsCarryIdsAndCoarseFactsOnly() {
    assertThat(PublishedEvents.toOutbox(new PlacementEvent.HoldExpired("p-1", "s-1")))
        .satisfies(e -> assertThat(e.type()).isEqualTo("placement.hold-expired.v1"))
        .satisfies(e -> assertThat(e.data()).isEqualTo(Map.of("placementId", "p-1", "shelterId", "s-1")));
    assertThat(PublishedEvents.toOutbox(new PlacementEvent.Cancelled("p-1", "s-1")))
        .satisfies(e -> assertThat(e.type()).isEqualTo("placement.cancelled.v1"))
        .satisfies(e -> assertThat(e.data()).isEqualTo(Map.of("placementId", "p-1", "shelterId", "s-1")));
    assertThat(PublishedEvents.toOutbox(new PlacementEvent.CheckedIn("p-1", "s-1", "region-x")))
        .satisfies(e -> assertThat(e.type()).isEqualTo("placement.checked-in.v1"))
        .satisfies(e -> assertThat(e.data())
            .isEqualTo(Map.of("placementId", "p-1", "shelterId", "s-1", "region", "region-x")));
    assertThat(PublishedEvents.toOutbox(new PlacementEvent.CheckedOut("p-1", "s-1", CheckOutReason.TRANSFERRED)))
        .satisfies(e -> assertThat(e.type()).isEqualTo("placement.checked-out.v1"))
        .satisfies(e -> assertThat(e.data())
            .isEqualTo(Map.of("placementId", "p-1", "shelterId", "s-1", "reason", "TRANSFERRED")));
    assertThat(PublishedEvents.toOutbox(new PlacementEvent.ResidentMissing("p-1", "s-1", "region-x", T0)))
        .satisfies(e -> assertThat(e.type()).isEqualTo("placement.resident-missing.v1"))
        .satisfies(e -> assertThat(e.data()).isEqualTo(
            Map.of("placementId", "p-1", "shelterId", "s-1", "region", "region-x", "missingSince", T0.toString())));
  }

  private PlacementEvent bedHeldFor(PlacementRequest request) {
    Shelter shelter = Fixtures.shelter("s-1", new GeoPoint(48.75, 2.25), MINOR_GIRLS);
    return pending(request).holdBed(shelter, "s-1-bed-1", expiry, T0).events().getFirst();
  }
}
