package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.OccupancyNotifications;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Notifications shelter occupancy raises, as its readers get them from {@code /api/notifications}:
 * each person sees what is addressed to her, marks it read for herself, and hears of a new one live.
 */
class NotificationsIT extends OccupancyIT {

  @Autowired OccupancyNotifications notifications;

  @Test
  void aHeldBedIsToldToItsOfficerAndTheShelterManagersOnly() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String otherShelter = minorGirlsShelter(offset(area, 3, 0), 1);
    String police = unique("police");
    String placementId = id(requestFor(police, area));

    // Stored off the hold's thread: a moment after the answer.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(kindsAbout(notificationsOf(TestTokens.police(police)), placementId)).containsExactly("PLACEMENT_HELD"));
    JsonNode officers = notificationsOf(TestTokens.police(police));
    JsonNode held = about(officers, placementId).getFirst();
    assertThat(held.get("severity").asString()).isEqualTo("INFO");
    assertThat(held.get("record").get("type").asString()).isEqualTo("PLACEMENT");
    assertThat(held.get("read").asBoolean()).isFalse();
    assertThat(officers.get("unread").asInt()).isEqualTo(1);
    assertThat(kindsAbout(notificationsOf(manager(shelter)), placementId)).containsExactly("PLACEMENT_HELD");

    assertThat(kindsAbout(notificationsOf(manager(otherShelter)), placementId)).isEmpty();
    assertThat(kindsAbout(notificationsOf(TestTokens.police(unique("police"))), placementId)).isEmpty();
    assertThat(kindsAbout(notificationsOf(TestTokens.driver(unique("driver"))), placementId)).isEmpty();
    assertThat(http.get("/api/notifications", TestTokens.service("transport-service")).status()).isEqualTo(403);
    assertThat(http.get("/api/notifications", null).status()).isEqualTo(401);
    assertNoConfidentialData(http.get("/api/notifications", manager(shelter)).body());
    assertThat(http.get("/api/notifications", TestTokens.police(police)).body())
        .as("police never learn a shelter's id").doesNotContain(shelter);
  }

  @Test
  void aMissingResidentIsCriticalForHerOfficerAndCoordinatorsWhoEachMarkItReadForThemselves() throws Exception {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String police = unique("police");
    String coordinatorA = TestTokens.coordinator(unique("coordinator"));
    String coordinatorB = TestTokens.coordinator(unique("coordinator"));
    String placementId = id(requestFor(police, area));
    assertThat(checkIn(placementId, shelter).status()).isEqualTo(200);
    EventStreams.EventStream officersStream = streams.follow("/api/notifications/events", TestTokens.police(police));
    EventStreams.EventStream strangersStream =
        streams.follow("/api/notifications/events", TestTokens.police(unique("police")));
    assertThat(officersStream.status()).isEqualTo(200);
    assertThat(officersStream.contentType()).startsWith("text/event-stream");

    assertThat(http.post("/api/placements/" + placementId + "/missing", manager(shelter), null).status()).isEqualTo(200);

    JsonNode arrived = officersStream.next("notification");
    assertThat(arrived.get("kind").asString()).isEqualTo("RESIDENT_MISSING");
    assertThat(arrived.get("severity").asString()).isEqualTo("CRITICAL");
    assertThat(arrived.properties()).extracting(e -> e.getKey()).containsExactlyInAnyOrder("id", "kind", "severity");
    assertThat(strangersStream.sawLineStartingWith("event:", Duration.ofSeconds(3))).isFalse();
    String id = arrived.get("id").asString();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(kindsAbout(notificationsOf(coordinatorA), placementId)).contains("RESIDENT_MISSING"));

    assertThat(http.post("/api/notifications/" + id + "/read", TestTokens.police(unique("police")), null).status())
        .as("not hers").isEqualTo(404);
    assertThat(http.post("/api/notifications/not%20an%20id/read", coordinatorA, null).status()).isEqualTo(400);
    assertThat(http.post("/api/notifications/" + id + "/read", coordinatorA, null).status()).isEqualTo(204);
    assertThat(http.post("/api/notifications/" + id + "/read", coordinatorA, null).status()).isEqualTo(204);

    assertThat(readOf(notificationsOf(coordinatorA), id)).isTrue();
    assertThat(readOf(notificationsOf(coordinatorB), id)).as("another coordinator's own state").isFalse();
    assertThat(readOf(notificationsOf(TestTokens.police(police)), id)).isFalse();

    assertThat(http.post("/api/notifications/read", TestTokens.police(police), null).status()).isEqualTo(204);
    JsonNode officers = notificationsOf(TestTokens.police(police));
    assertThat(officers.get("unread").asInt()).isZero();
    assertThat(readOf(officers, id)).isTrue();
  }

  @Test
  void aCompromisedShelterIsCriticalForItsManagersAndCoordinators() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    assertThat(http.put("/api/shelters/" + shelter + "/status", manager(shelter), "{\"status\":\"COMPROMISED\"}")
        .status()).isEqualTo(200);

    assertThat(kindsAbout(notificationsOf(manager(shelter)), shelter)).containsExactly("SHELTER_COMPROMISED");
    assertThat(kindsAbout(notificationsOf(TestTokens.coordinator(unique("coordinator"))), shelter))
        .containsExactly("SHELTER_COMPROMISED");
  }

  @Test
  void capacityNotConfirmedForTwelveHoursNudgesItsManagersOncePerStretch() {
    GeoPoint area = newArea();
    String stale = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String fresh = minorGirlsShelter(offset(area, 0.2, 0), 1);
    confirmedAgo(stale, Duration.ofHours(13));
    confirmedAgo(fresh, Duration.ofHours(1));

    notifications.nudgeStaleCapacity();
    notifications.nudgeStaleCapacity();

    assertThat(kindsAbout(notificationsOf(manager(stale)), stale)).containsExactly("CAPACITY_UNCONFIRMED");
    assertThat(kindsAbout(notificationsOf(manager(fresh)), fresh)).isEmpty();
    assertThat(http.post("/api/shelters/" + stale + "/capacity-check", manager(stale), null).status())
        .isEqualTo(200);
    confirmedAgo(stale, Duration.ofHours(14));
    notifications.nudgeStaleCapacity();
    assertThat(kindsAbout(notificationsOf(manager(stale)), stale))
        .as("a new unconfirmed stretch").containsExactly("CAPACITY_UNCONFIRMED", "CAPACITY_UNCONFIRMED");
  }

  private void confirmedAgo(String shelterId, Duration ago) {
    mongo.getCollection("shelters").updateOne(new Document("_id", shelterId),
        new Document("$set", new Document("capacityConfirmedAt", Date.from(Instant.now().minus(ago)))));
  }

  private JsonNode notificationsOf(String token) {
    ServiceHttp.Response response = http.get("/api/notifications", token);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<JsonNode> about(JsonNode page, String recordId) {
    return page.get("items").valueStream().filter(n -> n.get("record").get("id").asString().equals(recordId)).toList();
  }

  private static List<String> kindsAbout(JsonNode page, String recordId) {
    return about(page, recordId).stream().map(n -> n.get("kind").asString()).toList();
  }

  private static boolean readOf(JsonNode page, String id) {
    return page.get("items").valueStream().filter(n -> n.get("id").asString().equals(id)).findFirst()
        .orElseThrow().get("read").asBoolean();
  }
}
