package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

class ShelterApiIT extends OccupancyIT {

  @Test
  void coordinatorsRegisterSheltersAndNoAnswerCarriesTheAddressOrLocation() {
    GeoPoint area = newArea();
    GeoPoint exact = offset(area, 0.1234, 0.0567);
    String id = unique("shelter");
    Map<String, Object> eligibility = eligibility(12, 17, "FEMALE", "NON_BINARY");
    eligibility.put("accessible", true);
    eligibility.put("languages", List.of("fr", "en"));
    eligibility.put("specialisms", List.of("ADDICTION"));

    ServiceHttp.Response created = http.post("/api/shelters", coordinator(), ServiceHttp.json(shelterBody(id, exact, eligibility, 4)));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/shelters/" + id);
    JsonNode json = created.json();
    assertThat(json.get("id").asString()).isEqualTo(id);
    assertThat(json.get("status").asString()).isEqualTo("OPEN");
    assertThat(json.get("eligibility").get("accessible").asBoolean()).isTrue();
    assertThat(json.get("beds").get("available").asInt()).isEqualTo(4);
    assertNoConfidentialData(created.body());
    assertThat(created.body()).doesNotContain(String.valueOf(exact.lat())).doesNotContain("location");

    ServiceHttp.Response list = http.get("/api/shelters", coordinator());
    assertThat(list.status()).isEqualTo(200);
    assertNoConfidentialData(list.body());
    assertThat(list.body()).doesNotContain(String.valueOf(exact.lat()));
    assertThat(list.json().valueStream().map(s -> s.get("id").asString())).contains(id);
    assertThat(http.get("/api/shelters/" + id, coordinator()).json().get("codeName").asString()).startsWith("Code ");

    ServiceHttp.Response again = http.post("/api/shelters", coordinator(), ServiceHttp.json(shelterBody(id, exact, eligibility, 9)));
    assertThat(again.status()).isEqualTo(409);
    assertThat(bedsOfShelter(id)).hasSize(4);
  }

  @Test
  void managersSeeOnlyTheirOwnShelters() {
    GeoPoint area = newArea();
    String mine = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String theirs = minorGirlsShelter(offset(area, 0.2, 0), 2);
    String manager = TestTokens.shelterManager("manager-x", mine);

    ServiceHttp.Response list = http.get("/api/shelters", manager);

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().valueStream().map(s -> s.get("id").asString())).containsExactly(mine);
    assertThat(http.get("/api/shelters/" + mine, manager).status()).isEqualTo(200);
    assertThat(http.get("/api/shelters/" + theirs, manager).status()).isEqualTo(404);
    assertThat(http.get("/api/shelters/" + theirs + "/beds", manager).status()).isEqualTo(404);
    assertThat(http.put("/api/shelters/" + theirs + "/status", manager, "{\"status\":\"CLOSED\"}").status()).isEqualTo(404);
    assertThat(http.get("/api/shelters/shelter-none", coordinator()).status()).isEqualTo(404);
  }

  @Test
  void bedCountsFollowHoldsOccupancyAndService() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 4);
    String manager = TestTokens.shelterManager("manager-y", shelter);
    String held = id(requestFor(unique("police"), area));
    String occupied = id(requestFor(unique("police"), area));
    http.post("/api/placements/" + occupied + "/check-in", manager, null);
    String freeBed = bedsOfShelter(shelter).stream()
        .filter(bed -> "AVAILABLE".equals(bed.getString("status"))).findFirst().orElseThrow().getString("_id");
    String heldBed = bedOf(held).getString("_id");

    ServiceHttp.Response outOfService = http.put("/api/shelters/" + shelter + "/beds/" + freeBed + "/service-status",
        manager, "{\"inService\":false,\"reason\":\"MAINTENANCE\"}");
    ServiceHttp.Response heldOutOfService = http.put("/api/shelters/" + shelter + "/beds/" + heldBed + "/service-status",
        manager, "{\"inService\":false,\"reason\":\"MAINTENANCE\"}");

    assertThat(outOfService.status()).isEqualTo(200);
    assertThat(outOfService.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
    assertThat(heldOutOfService.status()).as("a held bed belongs to a placement").isEqualTo(409);
    JsonNode beds = http.get("/api/shelters/" + shelter, manager).json().get("beds");
    assertThat(beds.get("available").asInt()).isEqualTo(1);
    assertThat(beds.get("held").asInt()).isEqualTo(1);
    assertThat(beds.get("occupied").asInt()).isEqualTo(1);
    assertThat(beds.get("outOfService").asInt()).isEqualTo(1);
    ServiceHttp.Response bedList = http.get("/api/shelters/" + shelter + "/beds", manager);
    assertThat(bedList.json().size()).isEqualTo(4);
    assertThat(bedList.body()).doesNotContain(held);
    assertThat(http.put("/api/shelters/" + shelter + "/beds/other-bed-1/service-status", manager,
        "{\"inService\":false,\"reason\":\"MAINTENANCE\"}").status()).isEqualTo(404);
  }

  @Test
  void aClosedShelterReceivesNoPlacementsUntilItReopens() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String manager = TestTokens.shelterManager("manager-z", shelter);
    assertThat(http.put("/api/shelters/" + shelter + "/status", manager, "{\"status\":\"CLOSED\"}").json()
        .get("status").asString()).isEqualTo("CLOSED");
    String police = unique("police");

    ServiceHttp.Response waiting = requestFor(police, area);
    assertThat(waiting.status()).isEqualTo(202);

    assertThat(http.put("/api/shelters/" + shelter + "/status", coordinator(), "{\"status\":\"OPEN\"}").status())
        .isEqualTo(200);
    org.awaitility.Awaitility.await().untilAsserted(() ->
        assertThat(http.get("/api/placements/" + id(waiting), TestTokens.police(police)).json()
            .get("status").asString()).isEqualTo("HELD"));
    // Issue 3: COMPROMISED is now settable here (see CompromisedShelterIT); it is final.
    assertThat(http.put("/api/shelters/" + shelter + "/status", manager, "{\"status\":\"COMPROMISED\"}").status())
        .isEqualTo(200);
    assertThat(http.put("/api/shelters/" + shelter + "/status", manager, "{\"status\":\"OPEN\"}").status())
        .as("a compromised shelter never reopens").isEqualTo(409);
  }
}
