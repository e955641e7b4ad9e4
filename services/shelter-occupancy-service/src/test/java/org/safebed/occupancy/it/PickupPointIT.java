package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/** Where police found her: disclosed to the driver of her pick-up only, under the destination's rule. */
@ExtendWith(OutputCaptureExtension.class)
class PickupPointIT extends OccupancyIT {

  private static final String SERVICE = TestTokens.service("transport-service");

  private record Held(String placementId, GeoPoint foundAt, String shelter) {}

  private Held heldPlacement() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    // Off the 0.01° grid, so the exact point differs from the coarse pick-up area everywhere.
    GeoPoint foundAt = offset(area, 0.00371, 0.00529);
    return new Held(id(requestFor(unique("police"), foundAt)), foundAt, shelter);
  }

  private void assigned(Held held, String driver) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", job(held));
    data.put("placementId", held.placementId());
    data.put("driverId", driver);
    data.put("etaMinutes", 20);
    data.put("etaSource", "STRAIGHT_LINE");
    broker.publish("transport.assigned.v1", job(held), data, Instant.now());
  }

  private static String job(Held held) {
    return "job-" + held.placementId();
  }

  private ServiceHttp.Response pickupPoint(Held held, String driver, String job) {
    return http.get("/internal/placements/" + held.placementId() + "/pickup-point", SERVICE,
        "X-On-Behalf-Of", driver, "X-Transport-Job", job);
  }

  private List<Document> pickupAudit(Held held) {
    return mongo.getCollection("audit_log").find(new Document("action", "ADDRESS_DISCLOSED")
        .append("purpose", "PICKUP_POINT job=" + job(held))).into(new ArrayList<>());
  }

  @Test
  void theAssignedDriverGetsWhereSheWasFoundAndEveryLookUpIsAudited(CapturedOutput logs) {
    Held held = heldPlacement();
    ServiceHttp.Response beforeAssignment = pickupPoint(held, "driver-1", job(held));
    assertThat(beforeAssignment.status()).isEqualTo(403);
    assertThat(beforeAssignment.isProblem()).isTrue();

    assigned(held, "driver-1");
    await().untilAsserted(() -> assertThat(pickupPoint(held, "driver-1", job(held)).status()).isEqualTo(200));

    ServiceHttp.Response granted = pickupPoint(held, "driver-1", job(held));
    assertThat(granted.json().get("lat").asDouble()).isEqualTo(held.foundAt().lat());
    assertThat(granted.json().get("lon").asDouble()).isEqualTo(held.foundAt().lon());
    assertThat(granted.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    ServiceHttp.Response wrongDriver = pickupPoint(held, "driver-2", job(held));
    ServiceHttp.Response wrongJob = pickupPoint(held, "driver-1", "job-other");
    assertThat(wrongDriver.status()).isEqualTo(403);
    assertThat(wrongJob.status()).isEqualTo(403);
    assertThat(wrongDriver.body() + wrongJob.body() + beforeAssignment.body())
        .doesNotContain(String.valueOf(held.foundAt().lat())).doesNotContain(String.valueOf(held.foundAt().lon()));

    var audit = pickupAudit(held);
    assertThat(audit).extracting(e -> e.getString("outcome")).contains("DENIED", "GRANTED");
    assertThat(audit).filteredOn(e -> "GRANTED".equals(e.getString("outcome"))).allSatisfy(e -> {
      assertThat(e.getString("actor")).isEqualTo("transport-service");
      assertThat(e.getString("onBehalfOf")).isEqualTo("driver-1");
      assertThat(e.getString("recordType")).isEqualTo("placement");
      assertThat(e.getString("recordId")).isEqualTo(held.placementId());
    });
    assertThat(audit).filteredOn(e -> "DENIED".equals(e.getString("outcome")))
        .extracting(e -> e.getString("onBehalfOf")).contains("driver-2");
    assertThat(audit).allSatisfy(e -> assertThat(e.toJson())
        .doesNotContain(String.valueOf(held.foundAt().lat())).doesNotContain(String.valueOf(held.foundAt().lon())));
    assertThat(logs.getAll()).as("the point is in no log line").contains(held.placementId())
        .doesNotContain(String.valueOf(held.foundAt().lat())).doesNotContain(String.valueOf(held.foundAt().lon()));
  }

  @Test
  void aClosedPlacementHasNoPickupPointAndDriversNeverAskDirectly() {
    Held held = heldPlacement();
    assigned(held, "driver-1");
    await().untilAsserted(() -> assertThat(pickupPoint(held, "driver-1", job(held)).status()).isEqualTo(200));

    assertThat(http.get("/internal/placements/" + held.placementId() + "/pickup-point", TestTokens.driver("driver-1"),
        "X-On-Behalf-Of", "driver-1", "X-Transport-Job", job(held)).status()).as("drivers never call directly").isEqualTo(403);
    assertThat(http.get("/internal/placements/" + held.placementId() + "/pickup-point", SERVICE).status())
        .as("headers are required").isEqualTo(400);
    assertThat(http.post("/api/placements/" + held.placementId() + "/cancel", coordinator(), null).status()).isEqualTo(200);
    assertThat(pickupPoint(held, "driver-1", job(held)).status()).isEqualTo(403);
  }
}
