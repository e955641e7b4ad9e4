package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.springframework.amqp.core.Message;
import tools.jackson.databind.JsonNode;

/** The walking skeleton: refer, offer, accept, move in, and the tenancy event on the real broker. */
class ReferralJourneyIT extends ServiceIT {

  @Test
  void checkedInResidentIsReferredOfferedAcceptedAndMovesIn() {
    String address = addressFor("journey-" + shortId());
    Response unitCreated =
        api.post("/api/rental-units", officer, unitBody("central", CENTRAL_LAT + 0.2, CENTRAL_LON, address));
    assertThat(unitCreated.status()).isEqualTo(201);
    String unitId = unitCreated.text("id");

    // The check-in event has not arrived yet: this service does not know the placement.
    String placementId = "placement-" + shortId();
    assertProblem(refer(placementId, unitId), 404);
    assertThat(unitStatus(unitId)).isEqualTo("AVAILABLE");

    events.publish(CHECKED_IN, placementId, Map.of("placementId", placementId, "shelterId", "shelter-7", "region", "central"));
    Response[] created = new Response[1];
    await(() -> (created[0] = refer(placementId, unitId)).status() == 201, "referral accepted once the check-in arrived");

    Response referral = created[0];
    String referralId = referral.text("id");
    assertThat(referral.text("placementId")).isEqualTo(placementId);
    assertThat(referral.text("status")).isEqualTo("OFFERED");
    assertThat(referral.json().path("offer").path("unitId").asString()).isEqualTo(unitId);
    assertThat(referral.json().path("exclusionZoneCount").asInt()).isEqualTo(1);
    assertThat(referral.json().path("keepApartRefCount").asInt()).isEqualTo(1);
    assertThat(unitStatus(unitId)).isEqualTo("RESERVED");
    assertThat(unitDocument(unitId).getString("referralId")).isEqualTo(referralId);

    Response accepted = api.post("/api/referrals/" + referralId + "/accept", officer, null);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
    assertThat(accepted.json().path("offer").path("acceptedAt").isString()).isTrue();

    String moveInDate = today(7);
    Response movedIn = api.post("/api/referrals/" + referralId + "/move-in", officer, Map.of("moveInDate", moveInDate));
    assertThat(movedIn.status()).as(movedIn.body()).isEqualTo(200);
    assertThat(movedIn.text("status")).isEqualTo("MOVED_IN");
    assertThat(movedIn.text("moveInDate")).isEqualTo(moveInDate);
    assertThat(movedIn.text("unitId")).isEqualTo(unitId);
    assertThat(unitStatus(unitId)).isEqualTo("LET");
    assertThat(api.get("/api/rental-units/" + unitId, officer).text("status")).isEqualTo("LET");

    // The event, as the shelter occupancy and transport services receive it.
    List<Message> published = events.awaitPublished(referralId, Duration.ofSeconds(10));
    assertThat(published).hasSize(1);
    Message message = published.getFirst();
    assertThat(message.getMessageProperties().getType()).isEqualTo("referral.tenancy-started.v1");
    assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("referral.tenancy-started.v1");
    assertThat(message.getMessageProperties().getCorrelationId()).isEqualTo(placementId);
    String body = new String(message.getBody(), StandardCharsets.UTF_8);
    JsonNode event = ServiceHttp.JSON.readTree(body);
    assertThat(message.getMessageProperties().getMessageId()).isEqualTo(event.path("eventId").asString());
    assertThat(event.path("type").asString()).isEqualTo("referral.tenancy-started.v1");
    assertThat(event.path("aggregateId").asString()).isEqualTo(referralId);
    assertThat(event.path("occurredAt").isString()).isTrue();
    JsonNode data = event.path("data");
    assertThat(data.path("referralId").asString()).isEqualTo(referralId);
    assertThat(data.path("placementId").asString()).isEqualTo(placementId);
    assertThat(data.path("unitId").asString()).isEqualTo(unitId);
    assertThat(data.path("moveInDate").asString()).isEqualTo(moveInDate);
    assertThat(data.path("region").asString()).isEqualTo("central");
    // Nothing that could place her: exactly these fields, no address, no coordinates.
    assertThat(data.propertyNames()).containsExactlyInAnyOrder("unitId", "referralId", "placementId", "moveInDate", "region");
    assertThat(body)
        .doesNotContain(address)
        .doesNotContain(String.valueOf(CENTRAL_LAT + 0.2))
        .doesNotContain(String.valueOf(CENTRAL_LON))
        .doesNotContainIgnoringCase("latitude")
        .doesNotContainIgnoringCase("longitude");

    // Published and confirmed: the outbox of the referral is empty again.
    await(() -> pendingEvents(referralId).isEmpty(), "outbox emptied");

    // Repeating the move-in (a lost response retried) changes nothing and publishes nothing more.
    Response again = api.post("/api/referrals/" + referralId + "/move-in", officer, Map.of("moveInDate", moveInDate));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text("status")).isEqualTo("MOVED_IN");
    assertThat(events.publishedWithin(referralId, Duration.ofMillis(1500))).hasSize(1);

    Response read = api.get("/api/referrals/" + referralId, officer);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("steps").valueStream().map(s -> s.path("status").asString()).toList())
        .containsExactly("OPEN", "OFFERED", "ACCEPTED", "MOVED_IN");
    for (JsonNode step : read.json().path("steps")) {
      assertThat(step.path("enteredAt").isString()).isTrue();
      assertThat(step.path("secondsInStep").isNumber()).isTrue();
    }
    assertThat(read.json().path("stalled").asBoolean()).isFalse();
  }

  @Test
  void openReferralIsMatchedThenOfferedTheChosenUnit() {
    String nearZone = unit("central", 7);
    String farFromZone = unit("central", 30);
    String otherRegion = unit("north", 200);
    String insideZone = unit("central", 2);

    Response created = refer(checkedIn(), null);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("status")).isEqualTo("OPEN");
    assertThat(created.json().has("offer")).isFalse();
    String referralId = created.text("id");

    Response matches = api.get("/api/referrals/" + referralId + "/matches", officer);
    assertThat(matches.status()).isEqualTo(200);
    List<String> ranked = matches.json().valueStream().map(m -> m.path("unitId").asString()).toList();
    assertThat(ranked).containsExactly(farFromZone, nearZone, otherRegion).doesNotContain(insideZone);
    assertThat(matches.json().get(0).path("rank").asInt()).isEqualTo(1);
    assertThat(matches.json().get(0).path("inPreferredRegion").asBoolean()).isTrue();
    assertThat(matches.json().get(2).path("inPreferredRegion").asBoolean()).isFalse();

    Response offered = api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", farFromZone));
    assertThat(offered.status()).as(offered.body()).isEqualTo(200);
    assertThat(offered.text("status")).isEqualTo("OFFERED");
    assertThat(offered.json().path("offer").path("unitId").asString()).isEqualTo(farFromZone);
    assertThat(unitStatus(farFromZone)).isEqualTo("RESERVED");

    // A reserved unit is no longer proposed to anyone.
    String otherReferral = openReferral();
    List<String> forOther =
        api.get("/api/referrals/" + otherReferral + "/matches", officer).json().valueStream()
            .map(m -> m.path("unitId").asString()).toList();
    assertThat(forOther).doesNotContain(farFromZone).contains(nearZone);
  }

  private List<Document> pendingEvents(String referralId) {
    Document referral = mongo.getCollection("referrals").find(new Document("_id", referralId)).first();
    return referral.getList("pendingEvents", Document.class, List.of());
  }
}
