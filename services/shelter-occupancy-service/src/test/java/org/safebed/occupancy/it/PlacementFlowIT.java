package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;

class PlacementFlowIT extends OccupancyIT {

  @Test
  void policeGetABedHeldAtTheNearestEligibleShelterOutsideEveryZone() {
    GeoPoint area = newArea();
    GeoPoint found = area;
    String insideZone = minorGirlsShelter(offset(area, 0.02, 0.02), 2);
    String adultsOnly = shelter(offset(area, 0.01, 0.0), eligibility(18, 21, "FEMALE"), 2);
    String outside = minorGirlsShelter(offset(area, -0.3, -0.2), 2);
    String police = unique("police");
    Map<String, Object> body = placementBody(14, "FEMALE", found,
        List.of(Map.of("lat", area.lat() + 0.05, "lon", area.lon() + 0.05, "radiusKm", 15.0)));

    ServiceHttp.Response response = requestPlacement(TestTokens.police(police), body);

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().get("status").asString()).isEqualTo("HELD");
    assertThat(response.json().get("shelter").get("codeName").asString()).isEqualTo("Code " + outside.substring(outside.length() - 8));
    assertThat(Instant.parse(response.json().get("holdExpiresAt").asString()).getEpochSecond())
        .isCloseTo(Instant.now().plus(Duration.ofMinutes(60)).getEpochSecond(), within(30L));
    assertThat(response.headers().firstValue("Location")).hasValue("/api/placements/" + id(response));
    assertNoConfidentialData(response.body());
    // Not the latitude: "0.7" can be part of a timestamp's milliseconds.
    assertThat(response.body()).doesNotContain(String.valueOf(area.lon() - 0.2)).doesNotContain("\"lat\"");
    assertThat(bedOf(id(response)).getString("shelterId")).isEqualTo(outside);
    assertThat(bedOf(id(response)).getString("status")).isEqualTo("HELD");
    assertThat(List.of(insideZone, adultsOnly)).doesNotContain(bedOf(id(response)).getString("shelterId"));
  }

  @Test
  void thePlacementIsVisibleToItsRequesterCoordinatorsAndItsShelterManagerOnly() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0.1), 2);
    String otherShelter = minorGirlsShelter(offset(area, 2.0, 0), 1);
    String police = unique("police");
    String placementId = id(requestFor(police, area));
    String path = "/api/placements/" + placementId;

    ServiceHttp.Response own = http.get(path, TestTokens.police(police));
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("status").asString()).isEqualTo("HELD");
    assertThat(own.json().get("transport").get("status").asString()).isEqualTo("NOT_ASSIGNED");
    assertThat(own.json().get("transport").get("policeEscortNeeded").asBoolean()).isFalse();
    assertNoConfidentialData(own.body());
    assertThat(http.get(path, coordinator()).status()).isEqualTo(200);
    assertThat(http.get(path, TestTokens.shelterManager("manager", shelter)).status()).isEqualTo(200);

    ServiceHttp.Response otherPolice = http.get(path, TestTokens.police(unique("police-b")));
    assertThat(otherPolice.status()).isEqualTo(404);
    assertThat(otherPolice.isProblem()).isTrue();
    assertThat(http.get(path, TestTokens.shelterManager("manager", otherShelter)).status()).isEqualTo(404);
    assertThat(http.get(path, TestTokens.driver("driver")).status()).isEqualTo(403);
    assertThat(http.get(path, TestTokens.housingOfficer("officer", "agency")).status()).isEqualTo(403);
    assertThat(http.get("/api/placements/no-such-placement", coordinator()).status()).isEqualTo(404);
  }

  @Test
  void withoutAnEligibleBedThePlacementIsWaitlistedAndGetsTheNextFreedBed() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String first = id(requestFor(unique("police"), area));
    String waitingPolice = unique("police");

    ServiceHttp.Response waiting = requestFor(waitingPolice, area);

    assertThat(waiting.status()).isEqualTo(202);
    assertThat(waiting.json().get("status").asString()).isEqualTo("WAITLISTED");
    assertThat(waiting.json().has("holdExpiresAt")).isFalse();
    String waitingId = id(waiting);

    ServiceHttp.Response cancelled = http.post("/api/placements/" + first + "/cancel", coordinator(), null);
    assertThat(cancelled.status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(http.get("/api/placements/" + waitingId, TestTokens.police(waitingPolice)).json()
            .get("status").asString()).isEqualTo("HELD"));
    assertThat(bedOf(waitingId).getString("shelterId")).isEqualTo(shelter);
    broker.awaitEventFor("placement.bed-held.v1", waitingId);
  }

  @Test
  void theShelterManagerChecksInAndOutAndTheBedFollows() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String police = unique("police");
    String placementId = id(requestFor(police, area));
    String manager = TestTokens.shelterManager("manager-a", shelter);
    String path = "/api/placements/" + placementId;

    assertThat(http.post(path + "/check-in", TestTokens.shelterManager("manager-b", "shelter-other"), null).status())
        .isEqualTo(404);
    assertThat(http.post(path + "/check-in", TestTokens.police(police), null).status()).isEqualTo(403);
    assertThat(http.post(path + "/check-in", coordinator(), null).status()).isEqualTo(403);

    ServiceHttp.Response in = http.post(path + "/check-in", manager, null);
    assertThat(in.status()).as(in.body()).isEqualTo(200);
    assertThat(in.json().get("status").asString()).isEqualTo("CHECKED_IN");
    assertThat(bedOf(placementId).getString("status")).isEqualTo("OCCUPIED");
    assertThat(http.post(path + "/check-in", manager, null).status()).as("idempotent").isEqualTo(200);
    Broker.Received checkedIn = broker.awaitEventFor("placement.checked-in.v1", placementId);
    assertThat(checkedIn.data().get("shelterId").asString()).isEqualTo(shelter);
    assertThat(checkedIn.data().get("region").asString()).isEqualTo("test-region");

    ServiceHttp.Response cancelAfterCheckIn = http.post(path + "/cancel", TestTokens.police(police), null);
    assertThat(cancelAfterCheckIn.status()).isEqualTo(409);
    assertThat(cancelAfterCheckIn.isProblem()).isTrue();

    ServiceHttp.Response out = http.post(path + "/check-out", manager, "{\"reason\":\"LEFT_VOLUNTARILY\"}");
    assertThat(out.status()).as(out.body()).isEqualTo(200);
    assertThat(out.json().get("status").asString()).isEqualTo("CHECKED_OUT");
    assertThat(out.json().get("checkOutReason").asString()).isEqualTo("LEFT_VOLUNTARILY");
    assertThat(bedsOfShelter(shelter)).singleElement()
        .satisfies(bed -> assertThat(bed.getString("status")).isEqualTo("AVAILABLE"));
    assertThat(broker.awaitEventFor("placement.checked-out.v1", placementId).data().get("reason").asString())
        .isEqualTo("LEFT_VOLUNTARILY");
    assertThat(broker.eventsFor("placement.checked-in.v1", placementId)).hasSize(1);
  }

  @Test
  void policeOrCoordinatorsCancelAndTheBedIsReleased() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String police = unique("police");
    String first = id(requestFor(police, area));
    String second = id(requestFor(police, area));

    assertThat(http.post("/api/placements/" + first + "/cancel", TestTokens.police(unique("police-b")), null).status())
        .isEqualTo(404);
    assertThat(http.post("/api/placements/" + first + "/cancel", TestTokens.shelterManager("m", shelter), null).status())
        .isEqualTo(403);
    ServiceHttp.Response byPolice = http.post("/api/placements/" + first + "/cancel", TestTokens.police(police), null);
    assertThat(byPolice.status()).isEqualTo(200);
    assertThat(byPolice.json().get("status").asString()).isEqualTo("CANCELLED");
    assertThat(http.post("/api/placements/" + first + "/cancel", TestTokens.police(police), null).status())
        .as("idempotent").isEqualTo(200);
    assertThat(http.post("/api/placements/" + second + "/cancel", coordinator(), null).status()).isEqualTo(200);

    assertThat(bedsOfShelter(shelter)).allSatisfy(bed -> {
      assertThat(bed.getString("status")).isEqualTo("AVAILABLE");
      assertThat(bed.get("placementId")).isNull();
    });
    Broker.Received event = broker.awaitEventFor("placement.cancelled.v1", first);
    assertThat(event.data().get("shelterId").asString()).isEqualTo(shelter);
    assertThat(http.post("/api/placements/unknown-id/cancel", coordinator(), null).status()).isEqualTo(404);
  }

  @Test
  void aPoliceAccountHoldsAtMostTheConfiguredNumberOfBeds() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.1, 0), 5);
    String police = unique("police");
    for (int i = 0; i < 3; i++) {
      assertThat(requestFor(police, area).status()).isEqualTo(201);
    }

    ServiceHttp.Response fourth = requestFor(police, area);

    assertThat(fourth.status()).isEqualTo(409);
    assertThat(fourth.isProblem()).isTrue();
    assertThat(requestFor(unique("police"), area).status()).as("others are not affected").isEqualTo(201);
  }
}
