package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 5: the driver of her move to rental learns the shelter she leaves, from occupancy, only for
 * that move, only once she was checked out for it, and only until shortly after its delivery; the
 * move's progress never disturbs the pick-up's.
 */
@ExtendWith(OutputCaptureExtension.class)
class MoveOriginIT extends OccupancyIT {

  private static final String SERVICE = TestTokens.service("transport-service");

  private record Resident(String placementId, String shelter, String moveJob) {}

  /** Held, picked up and delivered by driver-pickup, checked in. */
  private Resident checkedIn() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String placement = id(requestFor(unique("police"), area));
    Instant t = Instant.now().minusSeconds(600);
    Map<String, Object> assigned = new LinkedHashMap<>();
    assigned.put("jobId", "job-" + placement);
    assigned.put("placementId", placement);
    assigned.put("driverId", "driver-pickup");
    assigned.put("etaMinutes", 10);
    assigned.put("etaSource", "ROUTING");
    broker.publish("transport.assigned.v1", "job-" + placement, assigned, t);
    broker.publish("transport.delivered.v1", "job-" + placement,
        Map.of("jobId", "job-" + placement, "placementId", placement, "kind", "PICKUP"), t.plusSeconds(60));
    await().untilAsserted(() -> assertThat(pickupStatus(placement)).isEqualTo("DELIVERED"));
    assertThat(checkIn(placement, shelter).status()).isEqualTo(200);
    return new Resident(placement, shelter, "move-" + unique("ref"));
  }

  private void movedToRental(Resident r) {
    broker.publish("referral.tenancy-started.v1", "ref",
        Map.of("referralId", "ref", "placementId", r.placementId(), "moveInDate", "2026-12-01"));
    await().untilAsserted(() -> assertThat(placementDocument(r.placementId()).getString("checkOutReason"))
        .isEqualTo("MOVED_TO_RENTAL"));
  }

  private void moveAssigned(Resident r, String driver, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", r.moveJob());
    data.put("kind", "MOVE");
    data.put("placementId", r.placementId());
    data.put("driverId", driver);
    data.put("etaMinutes", 25);
    data.put("etaSource", "ROUTING");
    broker.publish("transport.assigned.v1", r.moveJob(), data, at);
  }

  private void moveLeg(Resident r, String type, Instant at) {
    broker.publish(type, r.moveJob(),
        Map.of("jobId", r.moveJob(), "kind", "MOVE", "placementId", r.placementId()), at);
  }

  private ServiceHttp.Response origin(Resident r, String driver, String job) {
    return http.get("/internal/placements/" + r.placementId() + "/move-origin", SERVICE,
        "X-On-Behalf-Of", driver, "X-Transport-Job", job);
  }

  private String pickupStatus(String placementId) {
    return placementDocument(placementId).get("transport", Document.class).getString("status");
  }

  private String moveStatus(Resident r) {
    Document move = placementDocument(r.placementId()).get("moveTransport", Document.class);
    return move == null ? null : move.getString("status");
  }

  private List<Document> moveOriginAudit(Resident r) {
    return auditFor(r.shelter()).stream()
        .filter(e -> "ADDRESS_DISCLOSED".equals(e.getString("action")))
        .filter(e -> e.getString("purpose").startsWith("MOVE_ORIGIN"))
        .toList();
  }

  @Test
  void theMovesDriverGetsTheShelterAddressOthersAreRefusedAndEveryAttemptIsAudited(CapturedOutput logs) {
    Resident r = checkedIn();
    movedToRental(r);
    moveAssigned(r, "driver-move", Instant.now());
    await().untilAsserted(() -> assertThat(moveStatus(r)).isEqualTo("ASSIGNED"));

    ServiceHttp.Response granted = origin(r, "driver-move", r.moveJob());

    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    assertThat(granted.json().get("address").asString()).contains(ADDRESS_MARK).contains(r.shelter());
    assertThat(granted.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    ServiceHttp.Response wrongDriver = origin(r, "driver-pickup", r.moveJob());
    assertThat(wrongDriver.status()).isEqualTo(403);
    assertThat(wrongDriver.isProblem()).isTrue();
    assertThat(wrongDriver.body()).doesNotContain(ADDRESS_MARK);
    assertThat(origin(r, "driver-move", "job-" + r.placementId()).status()).as("the pick-up job").isEqualTo(403);
    assertThat(origin(r, "driver-move", "move-other").status()).isEqualTo(403);

    List<Document> audit = moveOriginAudit(r);
    assertThat(audit).extracting(e -> e.getString("outcome")).containsExactly("GRANTED", "DENIED", "DENIED", "DENIED");
    assertThat(audit.get(0).getString("onBehalfOf")).isEqualTo("driver-move");
    assertThat(audit.get(0).getString("purpose")).isEqualTo("MOVE_ORIGIN job=" + r.moveJob());
    assertThat(audit.get(1).getString("onBehalfOf")).isEqualTo("driver-pickup");
    assertThat(audit).allSatisfy(e -> {
      assertThat(e.getString("actor")).isEqualTo("transport-service");
      assertThat(e.getString("recordType")).isEqualTo("shelter");
      assertThat(e.toJson()).doesNotContain(ADDRESS_MARK);
    });
    assertThat(logs.getAll()).as("the address is in no log line").contains(r.placementId()).doesNotContain(ADDRESS_MARK);
    assertThat(pickupStatus(r.placementId())).as("the pick-up's progress is untouched").isEqualTo("DELIVERED");
    assertThat(placementDocument(r.placementId()).get("transport", Document.class).getString("driverId"))
        .isEqualTo("driver-pickup");
  }

  @Test
  void noAddressBeforeSheIsCheckedOutToMoveToRental() {
    Resident r = checkedIn();
    moveAssigned(r, "driver-move", Instant.now());
    await().untilAsserted(() -> assertThat(moveStatus(r)).isEqualTo("ASSIGNED"));

    assertThat(origin(r, "driver-move", r.moveJob()).status()).as("still checked in").isEqualTo(403);
    ServiceHttp.Response out = http.post("/api/placements/" + r.placementId() + "/check-out", manager(r.shelter()),
        ServiceHttp.json(Map.of("reason", "RETURNED_TO_FAMILY")));
    assertThat(out.status()).as(out.body()).isEqualTo(200);
    assertThat(origin(r, "driver-move", r.moveJob()).status()).as("checked out for another reason").isEqualTo(403);

    assertThat(moveOriginAudit(r)).extracting(e -> e.getString("outcome")).containsExactly("DENIED", "DENIED");
  }

  @Test
  void theAddressStaysAvailableShortlyAfterDeliveryAndNotBeyondTheGrace() {
    Resident recent = checkedIn();
    movedToRental(recent);
    moveAssigned(recent, "driver-move", Instant.now().minusSeconds(120));
    moveLeg(recent, "transport.picked-up.v1", Instant.now().minusSeconds(90));
    moveLeg(recent, "transport.delivered.v1", Instant.now().minusSeconds(60));
    await().untilAsserted(() -> assertThat(moveStatus(recent)).isEqualTo("DELIVERED"));
    assertThat(origin(recent, "driver-move", recent.moveJob()).status()).as("within the grace").isEqualTo(200);

    Resident old = checkedIn();
    movedToRental(old);
    Instant longAgo = Instant.now().minus(Duration.ofMinutes(40));
    moveAssigned(old, "driver-move", longAgo);
    moveLeg(old, "transport.delivered.v1", longAgo.plus(Duration.ofMinutes(20)));
    await().untilAsserted(() -> assertThat(moveStatus(old)).isEqualTo("DELIVERED"));

    assertThat(origin(old, "driver-move", old.moveJob()).status()).as("delivered 20 minutes ago").isEqualTo(403);
    assertThat(moveOriginAudit(old)).extracting(e -> e.getString("outcome")).containsExactly("DENIED");
  }

  @Test
  void moveEventsOutOfOrderOrTwiceLeaveTheMoveAtItsFurthestStepAndThePickupAlone() {
    Resident r = checkedIn();
    movedToRental(r);
    Instant t = Instant.now();
    moveLeg(r, "transport.delivered.v1", t.plusSeconds(120));
    await().untilAsserted(() -> assertThat(moveStatus(r)).isEqualTo("DELIVERED"));

    moveAssigned(r, "driver-move", t);
    moveLeg(r, "transport.picked-up.v1", t.plusSeconds(60));
    moveLeg(r, "transport.delivered.v1", t.plusSeconds(120));
    moveAssigned(r, "driver-move", t);

    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(moveStatus(r)).isEqualTo("DELIVERED"));
    Document move = placementDocument(r.placementId()).get("moveTransport", Document.class);
    assertThat(move.getString("jobId")).isEqualTo(r.moveJob());
    assertThat(move.getString("driverId")).as("the late assignment still names the driver").isEqualTo("driver-move");
    Document pickup = placementDocument(r.placementId()).get("transport", Document.class);
    assertThat(pickup.getString("jobId")).isEqualTo("job-" + r.placementId());
    assertThat(pickup.getString("driverId")).isEqualTo("driver-pickup");
    assertThat(pickup.getString("status")).isEqualTo("DELIVERED");
  }

  @Test
  void onlyTransportMayAsk() {
    Resident r = checkedIn();
    assertThat(http.get("/internal/placements/" + r.placementId() + "/move-origin", TestTokens.driver("driver-move"),
        "X-On-Behalf-Of", "driver-move", "X-Transport-Job", r.moveJob()).status()).isEqualTo(403);
    assertThat(http.get("/internal/placements/" + r.placementId() + "/move-origin", SERVICE).status())
        .as("headers are required").isEqualTo(400);
  }
}
