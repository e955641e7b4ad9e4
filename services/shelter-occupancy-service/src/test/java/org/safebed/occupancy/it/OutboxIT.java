package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.TestTokens;

/** Events leave through the outbox and reach the real broker, with coarse facts only. */
class OutboxIT extends OccupancyIT {

  @Test
  void bedHeldReachesTheBrokerWithoutAddressCaseRefOrExactCoordinates() {
    GeoPoint area = newArea();
    GeoPoint exactShelter = offset(area, 0.1234, 0.0567);
    String shelter = minorGirlsShelter(exactShelter, 1);
    GeoPoint found = offset(area, 0.0047, 0.0031);
    Map<String, Object> body = placementBody(14, "FEMALE", found, List.of());
    body.put("policeCaseRef", "PJ-2026-0042");
    String placementId = id(requestPlacement(TestTokens.police(unique("police")), body));

    Broker.Received event = broker.awaitEventFor("placement.bed-held.v1", placementId);

    assertThat(event.properties().getMessageId()).isEqualTo(event.json().get("eventId").asString());
    assertThat(event.properties().getCorrelationId()).isEqualTo(placementId);
    assertThat(event.json().get("aggregateId").asString()).isEqualTo(placementId);
    assertThat(Instant.parse(event.json().get("occurredAt").asString())).isBefore(Instant.now());
    var data = event.data();
    assertThat(data.get("shelterId").asString()).isEqualTo(shelter);
    assertThat(data.get("minor").asBoolean()).isTrue();
    assertThat(data.get("pickupArea").get("lat").asDouble()).isEqualTo(found.roundedTo(0.01).lat());
    assertThat(data.get("pickupArea").get("lon").asDouble()).isEqualTo(found.roundedTo(0.01).lon());
    assertThat(data.get("destinationArea").get("lat").asDouble()).isEqualTo(exactShelter.roundedTo(0.05).lat());
    assertThat(data.get("destinationArea").get("lon").asDouble()).isEqualTo(exactShelter.roundedTo(0.05).lon());
    assertThat(event.body())
        .doesNotContain(ADDRESS_MARK)
        .doesNotContain("PJ-2026-0042")
        .doesNotContain(String.valueOf(exactShelter.lat()))
        .doesNotContain(String.valueOf(found.lat()))
        .doesNotContainIgnoringCase("address");
  }

  @Test
  void publishedEventsLeaveTheOutbox() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.1, 0), 1);
    String placementId = id(requestFor(unique("police"), area));

    broker.awaitEventFor("placement.bed-held.v1", placementId);

    org.awaitility.Awaitility.await().untilAsserted(() ->
        assertThat(placementDocument(placementId).getList("pendingEvents", Document.class)).isEmpty());
  }

  @Test
  void sensitiveFieldsAreSealedAtRest() {
    GeoPoint area = newArea();
    GeoPoint exact = offset(area, 0.1234, 0.0567);
    String shelter = minorGirlsShelter(exact, 1);
    Map<String, Object> body = placementBody(14, "FEMALE", area, List.of());
    body.put("policeCaseRef", "PJ-2026-7777");
    String placementId = id(requestPlacement(TestTokens.police(unique("police")), body));

    Document shelterDocument = mongo.getCollection("shelters").find(new Document("_id", shelter)).first();
    Document placement = placementDocument(placementId);

    assertThat(shelterDocument.toJson()).doesNotContain(ADDRESS_MARK)
        .doesNotContain(String.valueOf(exact.lat())).doesNotContain(String.valueOf(exact.lon()));
    assertThat(shelterDocument.getString("sealedAddress")).startsWith("v1:");
    assertThat(shelterDocument.getString("sealedLocation")).startsWith("v1:");
    assertThat(placement.toJson()).doesNotContain("PJ-2026-7777");
    assertThat(placement.getString("sealedCaseRef")).startsWith("v1:");
  }
}
