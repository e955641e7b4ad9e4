package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.HoldExpiry;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A resident goes missing: police see it and get an alert, her bed is kept, then given up. */
class ResidentMissingIT extends OccupancyIT {

  @Autowired HoldExpiry holdExpiry;

  @Test
  void policeSeeTheStatusAndAnAlertAndSheReturnsToHerKeptBed() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String police = unique("police");
    String placementId = id(requestFor(police, area));
    assertThat(checkIn(placementId, shelter).status()).isEqualTo(200);
    String path = "/api/placements/" + placementId;

    assertThat(http.post(path + "/missing", manager(minorGirlsShelter(offset(area, 3, 0), 1)), null).status())
        .as("not her shelter").isEqualTo(404);
    assertThat(http.post(path + "/missing", TestTokens.police(police), null).status()).isEqualTo(403);
    assertThat(http.post(path + "/missing", coordinator(), null).status()).isEqualTo(403);
    ServiceHttp.Response missing = http.post(path + "/missing", manager(shelter), null);

    assertThat(missing.status()).as(missing.body()).isEqualTo(200);
    JsonNode seen = http.get(path, TestTokens.police(police)).json();
    assertThat(seen.get("status").asString()).isEqualTo("RESIDENT_MISSING");
    assertThat(Instant.parse(seen.get("bedKeptUntil").asString()).getEpochSecond())
        .isCloseTo(Instant.now().plus(Duration.ofHours(24)).getEpochSecond(), within(60L));
    assertThat(bedOf(placementId).getString("status")).as("her bed is kept").isEqualTo("OCCUPIED");
    assertThat(http.post(path + "/missing", manager(shelter), null).status()).as("idempotent").isEqualTo(200);
    Broker.Received event = broker.awaitEventFor("placement.resident-missing.v1", placementId);
    assertThat(event.data().get("shelterId").asString()).isEqualTo(shelter);
    assertNoConfidentialData(event.body());

    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
        http.get("/api/alerts", TestTokens.police(police)).json().valueStream()
            .map(a -> a.get("placementId").asString())).contains(placementId));
    assertThat(http.get("/api/alerts", TestTokens.police(unique("police-other"))).json().valueStream()
        .map(a -> a.get("placementId").asString())).doesNotContain(placementId);
    assertThat(http.get("/api/alerts", coordinator()).json().valueStream()
        .map(a -> a.get("placementId").asString())).contains(placementId);
    assertThat(http.get("/api/alerts", manager(shelter)).status()).isEqualTo(403);

    ServiceHttp.Response back = http.post(path + "/returned", manager(shelter), null);
    assertThat(back.status()).isEqualTo(200);
    assertThat(back.json().get("status").asString()).isEqualTo("CHECKED_IN");
    assertThat(back.json().has("bedKeptUntil")).isFalse();
    assertThat(http.post(path + "/returned", manager(shelter), null).status()).as("idempotent").isEqualTo(200);
    String heldOnly = id(requestFor(unique("police"), area));
    assertThat(http.post("/api/placements/" + heldOnly + "/missing", manager(shelter), null).status())
        .as("only a checked-in resident can go missing").isEqualTo(409);
  }

  @Test
  void herBedIsGivenUpWhenTheKeptTimeRunsOutAndGoesToTheWaitlist() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String placementId = id(requestFor(unique("police"), area));
    checkIn(placementId, shelter);
    String waitingPolice = unique("police");
    String waiting = id(requestFor(waitingPolice, area));
    http.post("/api/placements/" + placementId + "/missing", manager(shelter), null);
    mongo.getCollection("placements").updateOne(new Document("_id", placementId),
        new Document("$set", new Document("bedKeptUntil", Date.from(Instant.now().minusSeconds(1)))));

    assertThat(holdExpiry.sweep()).isGreaterThanOrEqualTo(1);

    Document out = placementDocument(placementId);
    assertThat(out.getString("status")).isEqualTo("CHECKED_OUT");
    assertThat(out.getString("checkOutReason")).isEqualTo("MISSING");
    assertThat(broker.awaitEventFor("placement.checked-out.v1", placementId).data().get("reason").asString())
        .isEqualTo("MISSING");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(waiting)).isEqualTo("HELD"));
    assertThat(http.post("/api/placements/" + placementId + "/returned", manager(shelter), null).status())
        .as("too late: her bed is gone").isEqualTo(409);
  }
}
