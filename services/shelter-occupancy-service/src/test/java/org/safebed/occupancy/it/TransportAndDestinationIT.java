package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safebed.platform.testing.ServiceHttp;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Transport events from the broker, and the audited address look-up they unlock. */
@ExtendWith(OutputCaptureExtension.class)
class TransportAndDestinationIT extends OccupancyIT {

  private static final String SERVICE = TestTokens.service("transport-service");

  private record Held(String placementId, String police, String shelter) {}

  private Held heldPlacement() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String police = unique("police");
    return new Held(id(requestFor(police, area)), police, shelter);
  }

  private JsonNode view(Held held) {
    return http.get("/api/placements/" + held.placementId(), TestTokens.police(held.police())).json();
  }

  private void assigned(Held held, String driver, int eta, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", "job-" + held.placementId());
    data.put("placementId", held.placementId());
    data.put("driverId", driver);
    data.put("etaMinutes", eta);
    data.put("etaSource", "STRAIGHT_LINE");
    broker.publish("transport.assigned.v1", "job-" + held.placementId(), data, at);
  }

  private void leg(Held held, String type, Instant at) {
    broker.publish(type, "job-" + held.placementId(),
        Map.of("jobId", "job-" + held.placementId(), "placementId", held.placementId()), at);
  }

  private ServiceHttp.Response destination(Held held, String driver, String job) {
    return http.get("/internal/placements/" + held.placementId() + "/destination", SERVICE,
        "X-On-Behalf-Of", driver, "X-Transport-Job", job);
  }

  @Test
  void anAssignmentSetsTheEtaAndExtendsTheHold() {
    Held held = heldPlacement();
    Instant before = Instant.parse(view(held).get("holdExpiresAt").asString());
    Instant at = Instant.now();

    assigned(held, "driver-1", 120, at);

    await().untilAsserted(() -> assertThat(view(held).get("transport").get("status").asString()).isEqualTo("ASSIGNED"));
    JsonNode view = view(held);
    assertThat(view.get("transport").get("etaMinutes").asInt()).isEqualTo(120);
    Instant extended = Instant.parse(view.get("holdExpiresAt").asString());
    assertThat(extended).isAfter(before);
    assertThat(Duration.between(at, extended).toMinutes()).isBetween(134L, 135L);
    assertNoConfidentialData(view.toString());
  }

  @Test
  void transportProgressNeverGoesBackAndDuplicatesChangeNothing() {
    Held held = heldPlacement();
    Instant t = Instant.now();
    leg(held, "transport.delivered.v1", t.plusSeconds(120));
    await().untilAsserted(() -> assertThat(view(held).get("transport").get("status").asString()).isEqualTo("DELIVERED"));

    assigned(held, "driver-1", 10, t);
    leg(held, "transport.picked-up.v1", t.plusSeconds(60));
    leg(held, "transport.delivered.v1", t.plusSeconds(120));
    assigned(held, "driver-1", 10, t);

    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(view(held).get("transport").get("status").asString()).isEqualTo("DELIVERED"));
    Document transport = placementDocument(held.placementId()).get("transport", Document.class);
    assertThat(transport.getString("driverId")).as("the late assignment still names the driver").isEqualTo("driver-1");
  }

  @Test
  void aFailedTransportIsShownAndStopsTheAddress() {
    Held held = heldPlacement();
    Instant t = Instant.now();
    assigned(held, "driver-1", 15, t);
    await().untilAsserted(() -> assertThat(destination(held, "driver-1", "job-" + held.placementId()).status()).isEqualTo(200));

    broker.publish("transport.failed.v1", "job-" + held.placementId(),
        Map.of("jobId", "job-" + held.placementId(), "placementId", held.placementId(), "reason", "NO_DRIVER"),
        t.plusSeconds(30));

    await().untilAsserted(() -> assertThat(view(held).get("transport").get("status").asString()).isEqualTo("FAILED"));
    assertThat(view(held).get("transport").get("policeEscortNeeded").asBoolean()).isTrue();
    assertThat(destination(held, "driver-1", "job-" + held.placementId()).status()).isEqualTo(403);
  }

  @Test
  void aDriverHoursAwayExtendsTheHoldOnlyUpToTheCeilingPastItsOriginalExpiry() {
    Held held = heldPlacement();
    Instant original = Instant.parse(view(held).get("holdExpiresAt").asString());

    assigned(held, "driver-far", 22_553, Instant.now());

    await().untilAsserted(() -> assertThat(view(held).get("transport").get("etaMinutes").asInt()).isEqualTo(22_553));
    assertThat(Instant.parse(view(held).get("holdExpiresAt").asString()))
        .as("three hours past the original expiry, not fifteen days").isEqualTo(original.plus(Duration.ofHours(3)));

    assigned(held, "driver-farther", 40_000, Instant.now().plusSeconds(5));
    await().untilAsserted(() -> assertThat(view(held).get("transport").get("etaMinutes").asInt()).isEqualTo(40_000));
    assertThat(Instant.parse(view(held).get("holdExpiresAt").asString())).isEqualTo(original.plus(Duration.ofHours(3)));
  }

  @Test
  void aJobNoDriverCanReachInTimeAsksPoliceToEscortHer() {
    Held held = heldPlacement();
    Instant original = Instant.parse(view(held).get("holdExpiresAt").asString());

    broker.publish("transport.failed.v1", "job-" + held.placementId(),
        Map.of("jobId", "job-" + held.placementId(), "placementId", held.placementId(), "reason", "NO_DRIVER_IN_REACH"),
        Instant.now());

    await().untilAsserted(() -> assertThat(view(held).get("transport").get("policeEscortNeeded").asBoolean()).isTrue());
    assertThat(Instant.parse(view(held).get("holdExpiresAt").asString())).as("no ETA, no extension").isEqualTo(original);
  }

  @Test
  void theDriverWhoDeliveredHerKeepsTheDestinationForTheGraceEvenOnceSheIsCheckedIn() {
    Held held = heldPlacement();
    String job = "job-" + held.placementId();
    Instant now = Instant.now();
    assigned(held, "driver-1", 20, now.minus(Duration.ofMinutes(25)));
    leg(held, "transport.picked-up.v1", now.minus(Duration.ofMinutes(15)));
    leg(held, "transport.delivered.v1", now.minus(Duration.ofMinutes(1)));
    await().untilAsserted(() -> assertThat(view(held).get("transport").get("status").asString()).isEqualTo("DELIVERED"));

    assertThat(destination(held, "driver-1", job).status()).as("just after delivery").isEqualTo(200);
    assertThat(destination(held, "driver-2", job).status()).isEqualTo(403);
    assertThat(http.post("/api/placements/" + held.placementId() + "/check-in",
        TestTokens.shelterManager("m", held.shelter()), null).status()).isEqualTo(200);
    assertThat(destination(held, "driver-1", job).status()).as("checked in at the door, still within the grace")
        .isEqualTo(200);
  }

  @Test
  void theDestinationIsRefusedOnceTheGraceAfterDeliveryHasPassed() {
    Held held = heldPlacement();
    String job = "job-" + held.placementId();
    Instant now = Instant.now();
    assigned(held, "driver-1", 20, now.minus(Duration.ofMinutes(45)));
    leg(held, "transport.delivered.v1", now.minus(Duration.ofMinutes(16)));
    await().untilAsserted(() -> assertThat(view(held).get("transport").get("status").asString()).isEqualTo("DELIVERED"));

    ServiceHttp.Response late = destination(held, "driver-1", job);
    assertThat(late.status()).isEqualTo(403);
    assertThat(late.body()).doesNotContain(ADDRESS_MARK);
  }

  @Test
  void theAssignedDriverGetsTheAddressAndEveryLookUpIsAudited(CapturedOutput logs) {
    Held held = heldPlacement();
    String job = "job-" + held.placementId();
    ServiceHttp.Response beforeAssignment = destination(held, "driver-1", job);
    assertThat(beforeAssignment.status()).isEqualTo(403);
    assertThat(beforeAssignment.isProblem()).isTrue();
    assertThat(beforeAssignment.body()).doesNotContain(ADDRESS_MARK);

    assigned(held, "driver-1", 20, Instant.now());
    await().untilAsserted(() -> assertThat(view(held).get("transport").get("status").asString()).isEqualTo("ASSIGNED"));

    ServiceHttp.Response granted = destination(held, "driver-1", job);
    assertThat(granted.status()).isEqualTo(200);
    assertThat(granted.json().get("address").asString()).contains(ADDRESS_MARK).contains(held.shelter());
    assertThat(granted.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(destination(held, "driver-2", job).status()).isEqualTo(403);
    assertThat(destination(held, "driver-1", "job-other").status()).isEqualTo(403);

    var audit = auditFor(held.shelter()).stream()
        .filter(e -> "ADDRESS_DISCLOSED".equals(e.getString("action"))).toList();
    assertThat(audit).extracting(e -> e.getString("outcome")).containsExactly("DENIED", "GRANTED", "DENIED", "DENIED");
    assertThat(audit).allSatisfy(e -> {
      assertThat(e.getString("actor")).isEqualTo("transport-service");
      assertThat(e.getString("recordType")).isEqualTo("shelter");
      assertThat(e.getString("purpose")).isEqualTo("TRANSPORT_DESTINATION");
      assertThat(e.toJson()).doesNotContain(ADDRESS_MARK);
    });
    assertThat(audit.get(1).getString("onBehalfOf")).isEqualTo("driver-1");
    assertThat(logs.getAll()).as("the address is in no log line").contains(held.placementId()).doesNotContain(ADDRESS_MARK);
    assertThat(audit.get(2).getString("onBehalfOf")).isEqualTo("driver-2");

    assertThat(http.post("/api/placements/" + held.placementId() + "/cancel", coordinator(), null).status()).isEqualTo(200);
    assertThat(destination(held, "driver-1", job).status()).as("a closed placement has no destination").isEqualTo(403);
    assertThat(http.get("/internal/placements/unknown/destination", SERVICE,
        "X-On-Behalf-Of", "driver-1", "X-Transport-Job", "job-x").status()).isEqualTo(403);
    assertThat(http.get("/internal/placements/" + held.placementId() + "/destination", SERVICE).status())
        .as("headers are required").isEqualTo(400);
    assertThat(http.get("/internal/placements/" + held.placementId() + "/destination", TestTokens.driver("driver-1"),
        "X-On-Behalf-Of", "driver-1", "X-Transport-Job", job).status()).as("drivers never call directly").isEqualTo(403);
  }

  @Test
  void aTenancyChecksTheResidentOutAndFreesHerBedOnce() {
    Held held = heldPlacement();
    assertThat(http.post("/api/placements/" + held.placementId() + "/check-in",
        TestTokens.shelterManager("m", held.shelter()), null).status()).isEqualTo(200);
    Map<String, Object> data = Map.of("referralId", "ref-1", "placementId", held.placementId(), "moveInDate", "2026-12-01");

    broker.publish("referral.tenancy-started.v1", "ref-1", data);
    broker.publish("referral.tenancy-started.v1", "ref-1", data);

    await().untilAsserted(() -> assertThat(view(held).get("status").asString()).isEqualTo("CHECKED_OUT"));
    assertThat(view(held).get("checkOutReason").asString()).isEqualTo("MOVED_TO_RENTAL");
    assertThat(bedsOfShelter(held.shelter())).allSatisfy(bed -> assertThat(bed.getString("status")).isEqualTo("AVAILABLE"));
    Broker.Received out = broker.awaitEventFor("placement.checked-out.v1", held.placementId());
    assertThat(out.data().get("reason").asString()).isEqualTo("MOVED_TO_RENTAL");
    await().during(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(broker.eventsFor("placement.checked-out.v1", held.placementId())).hasSize(1));
  }
}
