package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The shelter manager's arrivals: what to prepare (her shelter and coordinators only, coarse, gone
 * when the placement ends), her HELD list newest first with the ETA, and the no-show that gives
 * the bed back.
 */
class ArrivalsAndNoShowIT extends OccupancyIT {

  private String accessibleGirlsShelter(GeoPoint where, int beds) {
    Map<String, Object> eligibility = eligibility(12, 17, "FEMALE");
    eligibility.put("accessible", true);
    return shelter(where, eligibility, beds);
  }

  /** A girl of 16 in a wheelchair who asked for a female escort. */
  private String requestWithNeeds(String police, GeoPoint where) {
    Map<String, Object> body = new LinkedHashMap<>(placementBody(16, "FEMALE", where, new ArrayList<>()));
    body.put("needs", List.of("WHEELCHAIR_ACCESS"));
    body.put("escortGender", "FEMALE");
    ServiceHttp.Response response = requestPlacement(TestTokens.police(police), body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return id(response);
  }

  private void assigned(String placementId, int etaMinutes) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", "job-" + placementId);
    data.put("placementId", placementId);
    data.put("driverId", "driver-" + placementId);
    data.put("etaMinutes", etaMinutes);
    data.put("etaSource", "ROUTING");
    broker.publish("transport.assigned.v1", "job-" + placementId, data, Instant.now());
  }

  private static void assertNothingIdentifying(String body) {
    assertNoConfidentialData(body);
    assertThat(body).doesNotContain("ageYears").doesNotContain("\"lat\"").doesNotContain("\"lon\"")
        .doesNotContain("keepApart").doesNotContain("caseRef");
  }

  @Test
  void herShelterAndCoordinatorsSeeWhatToPrepareAndNobodyElse() {
    GeoPoint area = newArea();
    String shelter = accessibleGirlsShelter(offset(area, 0.1, 0), 2);
    String otherShelter = accessibleGirlsShelter(offset(area, 3, 0), 1);
    String police = unique("police");
    String placementId = requestWithNeeds(police, area);
    String path = "/api/placements/" + placementId;

    ServiceHttp.Response forManager = http.get(path, manager(shelter));
    assertThat(forManager.status()).as(forManager.body()).isEqualTo(200);
    JsonNode arrival = forManager.json().get("arrival");
    assertThat(arrival.get("ageBand").asString()).isEqualTo("AGE_16_17");
    assertThat(arrival.get("gender").asString()).isEqualTo("FEMALE");
    assertThat(arrival.get("needs").valueStream().map(JsonNode::asString)).containsExactly("WHEELCHAIR_ACCESS");
    assertThat(arrival.get("escortGender").asString()).isEqualTo("FEMALE");
    assertThat(arrival.propertyNames()).containsExactlyInAnyOrder("ageBand", "gender", "needs", "escortGender");
    assertNothingIdentifying(forManager.body());

    assertThat(http.get(path, coordinator()).json().get("arrival").get("ageBand").asString()).isEqualTo("AGE_16_17");
    JsonNode forPolice = http.get(path, TestTokens.police(police)).json();
    assertThat(forPolice.get("status").asString()).isEqualTo("HELD");
    assertThat(forPolice.has("arrival")).as("police answers are unchanged").isFalse();
    assertThat(http.get("/api/placements", TestTokens.police(police)).json().get(0).has("arrival")).isFalse();
    assertThat(http.get(path, manager(otherShelter)).status()).as("not her shelter").isEqualTo(404);
    assertThat(http.get("/api/placements?status=HELD", manager(otherShelter)).body()).doesNotContain(placementId);

    ServiceHttp.Response checkedIn = checkIn(placementId, shelter);
    assertThat(checkedIn.json().get("arrival").get("ageBand").asString()).as("she lives there").isEqualTo("AGE_16_17");
    ServiceHttp.Response out = http.post(path + "/check-out", manager(shelter), "{\"reason\":\"LEFT_VOLUNTARILY\"}");
    assertThat(out.status()).as(out.body()).isEqualTo(200);
    assertThat(out.json().has("arrival")).isFalse();
    assertThat(http.get(path, manager(shelter)).json().has("arrival")).as("gone after check-out").isFalse();
    assertThat(http.get(path, coordinator()).json().has("arrival")).isFalse();
  }

  @Test
  void herHeldListIsHerArrivalsNewestFirstWithTheirEta() throws InterruptedException {
    GeoPoint area = newArea();
    String shelter = accessibleGirlsShelter(offset(area, 0.1, 0), 3);
    String older = requestWithNeeds(unique("police"), area);
    Thread.sleep(5); // newest first: distinct creation times
    String newer = requestWithNeeds(unique("police"), offset(area, 0.01, 0));
    Thread.sleep(5);
    String arrived = requestWithNeeds(unique("police"), offset(area, 0.02, 0));
    assertThat(checkIn(arrived, shelter).status()).isEqualTo(200);
    assigned(older, 25);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
        http.get("/api/placements/" + older, manager(shelter)).json().get("transport").get("status").asString())
        .isEqualTo("ASSIGNED"));

    ServiceHttp.Response held = http.get("/api/placements?status=HELD", manager(shelter));

    assertThat(held.status()).as(held.body()).isEqualTo(200);
    List<String> ids = held.json().valueStream().map(p -> p.get("id").asString()).toList();
    assertThat(ids).containsExactly(newer, older);
    JsonNode olderSeen = held.json().get(1);
    assertThat(olderSeen.get("transport").get("etaMinutes").asInt()).isEqualTo(25);
    assertThat(olderSeen.get("holdExpiresAt").asString()).isNotBlank();
    assertThat(held.json().get(0).get("transport").get("status").asString()).isEqualTo("NOT_ASSIGNED");
    held.json().forEach(p -> assertThat(p.get("arrival").get("ageBand").asString()).isEqualTo("AGE_16_17"));
    assertNothingIdentifying(held.body());
  }

  @Test
  void aNoShowReleasesTheBedToTheWaitlistEndsTheDriveAndAlertsHerPolice() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String police = unique("police");
    String placementId = id(requestFor(police, area));
    String waitingPolice = unique("police");
    String waiting = id(requestFor(waitingPolice, area));
    assertThat(statusOf(waiting)).isEqualTo("WAITLISTED");
    String path = "/api/placements/" + placementId + "/no-show";

    ServiceHttp.Response noShow = http.post(path, manager(shelter), null);

    assertThat(noShow.status()).as(noShow.body()).isEqualTo(200);
    assertThat(noShow.json().get("status").asString()).isEqualTo("NO_SHOW");
    assertThat(noShow.json().has("arrival")).as("nothing to prepare any more").isFalse();
    assertThat(noShow.json().has("holdExpiresAt")).isFalse();
    assertThat(bedOf(placementId)).as("her bed is no longer hers").isNull();
    Broker.Received cancelled = broker.awaitEventFor("placement.cancelled.v1", placementId);
    assertThat(cancelled.data().get("shelterId").asString()).as("transport ends the job as on a cancel")
        .isEqualTo(shelter);
    assertNoConfidentialData(cancelled.body());
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(waiting)).isEqualTo("HELD"));
    assertThat(bedOf(waiting).getString("status")).isEqualTo("HELD");

    ServiceHttp.Response again = http.post(path, manager(shelter), null);
    assertThat(again.status()).as("idempotent").isEqualTo(200);
    assertThat(again.json().get("status").asString()).isEqualTo("NO_SHOW");
    assertThat(broker.eventsFor("placement.cancelled.v1", placementId)).as("one event").hasSize(1);
    assertThat(http.get("/api/placements/" + placementId, TestTokens.police(police)).json().get("status").asString())
        .isEqualTo("NO_SHOW");

    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
        http.get("/api/alerts", TestTokens.police(police)).json().valueStream()
            .filter(a -> a.get("placementId").asString().equals(placementId))
            .map(a -> a.get("type").asString())).containsExactly("NO_SHOW"));
    assertThat(http.get("/api/alerts", coordinator()).json().valueStream()
        .filter(a -> a.get("placementId").asString().equals(placementId))
        .map(a -> a.get("type").asString())).containsExactly("NO_SHOW");
    assertThat(http.get("/api/alerts", TestTokens.police(waitingPolice)).json().valueStream()
        .map(a -> a.get("placementId").asString())).doesNotContain(placementId);
  }

  @Test
  void aCancelByPoliceRaisesNoNoShowAlert() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.1, 0), 1);
    String police = unique("police");
    String placementId = id(requestFor(police, area));
    assertThat(http.post("/api/placements/" + placementId + "/cancel", TestTokens.police(police), null).status())
        .isEqualTo(200);
    broker.awaitEventFor("placement.cancelled.v1", placementId);
    // A no-show of another placement, reported afterwards, is alerted: by then this cancel was consumed too.
    String shelter = minorGirlsShelter(offset(area, 0.2, 0), 1);
    String other = id(requestFor(police, offset(area, 0.2, 0)));
    assertThat(http.post("/api/placements/" + other + "/no-show", manager(shelter), null).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
        http.get("/api/alerts", TestTokens.police(police)).json().valueStream()
            .map(a -> a.get("placementId").asString())).contains(other));
    assertThat(http.get("/api/alerts", TestTokens.police(police)).json().valueStream()
        .map(a -> a.get("placementId").asString())).doesNotContain(placementId);
  }

  @Test
  void onlyAHeldPlacementCanBeANoShow() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String checkedIn = id(requestFor(unique("police"), area));
    assertThat(checkIn(checkedIn, shelter).status()).isEqualTo(200);

    ServiceHttp.Response refused = http.post("/api/placements/" + checkedIn + "/no-show", manager(shelter), null);

    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.isProblem()).isTrue();
    assertThat(statusOf(checkedIn)).isEqualTo("CHECKED_IN");
    assertThat(bedOf(checkedIn).getString("status")).isEqualTo("OCCUPIED");
    String police = unique("police");
    String cancelled = id(requestFor(police, area));
    http.post("/api/placements/" + cancelled + "/cancel", TestTokens.police(police), null);
    assertThat(http.post("/api/placements/" + cancelled + "/no-show", coordinator(), null).status()).isEqualTo(409);
  }

  @Test
  void herShelterAndCoordinatorsMayReportANoShowAndNobodyElse() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String otherShelter = minorGirlsShelter(offset(area, 3, 0), 1);
    String police = unique("police");
    String placementId = id(requestFor(police, area));
    String path = "/api/placements/" + placementId + "/no-show";

    assertThat(http.post(path, null, null).status()).isEqualTo(401);
    assertThat(http.post(path, TestTokens.police(police), null).status()).as("even her requester").isEqualTo(403);
    assertThat(http.post(path, TestTokens.driver("driver-x"), null).status()).isEqualTo(403);
    assertThat(http.post(path, TestTokens.housingOfficer("officer-x", "agency-x"), null).status()).isEqualTo(403);
    ServiceHttp.Response foreign = http.post(path, manager(otherShelter), null);
    assertThat(foreign.status()).as("as for check-in: not her shelter").isEqualTo(404);
    assertThat(foreign.isProblem()).isTrue();
    assertThat(http.post("/api/placements/no-such-placement/no-show", manager(shelter), null).status())
        .isEqualTo(404);
    assertThat(http.post("/api/placements/bad$id/no-show", manager(shelter), null).status()).isEqualTo(400);
    assertThat(statusOf(placementId)).as("nothing changed").isEqualTo("HELD");

    ServiceHttp.Response byCoordinator = http.post(path, coordinator(), null);
    assertThat(byCoordinator.status()).as(byCoordinator.body()).isEqualTo(200);
    assertThat(byCoordinator.json().get("status").asString()).isEqualTo("NO_SHOW");
  }
}
