package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.Reconciliation;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;

/** Crashes between two writes, simulated by leaving the database as a crash would, then repaired. */
class ReconciliationIT extends OccupancyIT {

  @Autowired Reconciliation reconciliation;

  private static Date longAgo() {
    return Date.from(Instant.now().minus(Duration.ofMinutes(5)));
  }

  @Test
  void aBedHeldForAPlacementStillPendingCompletesTheHold() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String police = unique("police");
    String placementId = id(requestFor(police, area));
    String bedId = bedOf(placementId).getString("_id");
    broker.awaitEventFor("placement.bed-held.v1", placementId);
    // As if the process died after taking the bed but before storing the hold.
    mongo.getCollection("placements").updateOne(new Document("_id", placementId), new Document("$set",
        new Document("status", "PENDING").append("hold", null).append("initialOutcome", null)
            .append("createdAt", longAgo()).append("pendingEvents", List.of())));
    mongo.getCollection("beds").updateOne(new Document("_id", bedId), new Document("$set", new Document("since", longAgo())));

    reconciliation.run();

    Document placement = placementDocument(placementId);
    assertThat(placement.getString("status")).isEqualTo("HELD");
    assertThat(placement.get("hold", Document.class).getString("bedId")).as("the same bed, not a second one").isEqualTo(bedId);
    assertThat(bedsOfShelter(shelter)).filteredOn(bed -> "HELD".equals(bed.getString("status"))).hasSize(1);
    org.awaitility.Awaitility.await().untilAsserted(() ->
        assertThat(broker.eventsFor("placement.bed-held.v1", placementId)).as("published again").hasSize(2));
    assertThat(http.get("/api/placements/" + placementId, TestTokens.police(police)).json().get("status").asString())
        .isEqualTo("HELD");
  }

  @Test
  void aBedHeldForACancelledOrMissingPlacementIsFreed() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String placementId = id(requestFor(unique("police"), area));
    String bedId = bedOf(placementId).getString("_id");
    // Cancelled, but the process died before giving the bed back.
    mongo.getCollection("placements").updateOne(new Document("_id", placementId),
        new Document("$set", new Document("status", "CANCELLED")));
    mongo.getCollection("beds").updateOne(new Document("_id", bedId), new Document("$set", new Document("since", longAgo())));
    String orphan = shelter + "-bed-2";
    mongo.getCollection("beds").updateOne(new Document("_id", orphan), new Document("$set",
        new Document("status", "HELD").append("placementId", "ghost-placement").append("since", longAgo())));

    reconciliation.run();

    assertThat(bedsOfShelter(shelter)).allSatisfy(bed -> {
      assertThat(bed.getString("status")).isEqualTo("AVAILABLE");
      assertThat(bed.get("placementId")).isNull();
    });
  }

  @Test
  void aCheckInWhoseBedWasNotYetOccupiedIsCompleted() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String placementId = id(requestFor(unique("police"), area));
    assertThat(http.post("/api/placements/" + placementId + "/check-in", TestTokens.shelterManager("m", shelter), null)
        .status()).isEqualTo(200);
    String bedId = bedOf(placementId).getString("_id");
    mongo.getCollection("beds").updateOne(new Document("_id", bedId),
        new Document("$set", new Document("status", "HELD").append("since", longAgo())));

    reconciliation.run();

    assertThat(bedOf(placementId).getString("status")).isEqualTo("OCCUPIED");
  }

  @Test
  void freshChangesAreLeftToTheRequestInFlight() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String orphan = shelter + "-bed-1";
    mongo.getCollection("beds").updateOne(new Document("_id", orphan), new Document("$set",
        new Document("status", "HELD").append("placementId", "in-flight").append("since", new Date())));

    reconciliation.run();

    assertThat(bedsOfShelter(shelter)).singleElement()
        .satisfies(bed -> assertThat(bed.getString("status")).isEqualTo("HELD"));
  }
}
