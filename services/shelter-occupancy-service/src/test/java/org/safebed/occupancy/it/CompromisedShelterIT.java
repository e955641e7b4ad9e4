package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.Relocations;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** A compromised shelter takes nobody any more, and everyone in it is moved out urgently. */
class CompromisedShelterIT extends OccupancyIT {

  @Test
  void everyResidentGetsAnUrgentRelocationElsewhereUnderHerOriginalConstraints() {
    GeoPoint area = newArea();
    String compromised = minorGirlsShelter(offset(area, 0.02, 0.02), 3);
    GeoPoint zoneCentre = offset(area, 0.12, 0.12);
    String insideHerZone = minorGirlsShelter(zoneCentre, 3);
    String safe = minorGirlsShelter(offset(area, -0.5, -0.3), 3);
    List<Map<String, Object>> zones = List.of(Map.of("lat", zoneCentre.lat(), "lon", zoneCentre.lon(), "radiusKm", 5.0));
    String residentPolice = unique("police");
    String onTheWayPolice = unique("police");
    String resident = id(requestPlacement(TestTokens.police(residentPolice), placementBody(14, "FEMALE", area, zones)));
    String onTheWay = id(requestPlacement(TestTokens.police(onTheWayPolice), placementBody(15, "FEMALE", area, zones)));
    assertThat(bedOf(resident).getString("shelterId")).isEqualTo(compromised);
    assertThat(bedOf(onTheWay).getString("shelterId")).isEqualTo(compromised);
    assertThat(checkIn(resident, compromised).status()).isEqualTo(200);
    String sealedBefore = placementDocument(resident).getString("sealedCaseRef");

    assertThat(http.put("/api/shelters/" + compromised + "/status", manager(safe), "{\"status\":\"COMPROMISED\"}")
        .status()).as("not their shelter").isEqualTo(404);
    ServiceHttp.Response marked = http.put("/api/shelters/" + compromised + "/status", manager(compromised),
        "{\"status\":\"COMPROMISED\"}");

    assertThat(marked.status()).as(marked.body()).isEqualTo(200);
    assertThat(marked.json().get("status").asString()).isEqualTo("COMPROMISED");
    for (String[] moved : List.of(new String[] {resident, residentPolice}, new String[] {onTheWay, onTheWayPolice})) {
      String oldId = moved[0];
      String newId = Relocations.relocationIdFor(oldId);
      JsonNode old = http.get("/api/placements/" + oldId, TestTokens.police(moved[1])).json();
      assertThat(old.get("status").asString()).isEqualTo("RELOCATED");
      assertThat(old.get("relocatedTo").asString()).isEqualTo(newId);
      ServiceHttp.Response relocation = http.get("/api/placements/" + newId, TestTokens.police(moved[1]));
      assertThat(relocation.status()).as("the same police account follows her").isEqualTo(200);
      assertThat(relocation.json().get("status").asString()).isEqualTo("HELD");
      assertThat(relocation.json().get("urgency").asString()).isEqualTo("CRITICAL");
      assertThat(relocation.json().get("relocatedFrom").asString()).isEqualTo(oldId);
      assertThat(bedOf(newId).getString("shelterId")).as("outside her exclusion zone, never back there")
          .isEqualTo(safe).isNotEqualTo(insideHerZone);
      broker.awaitEventFor("placement.bed-held.v1", newId);
      assertNoConfidentialData(relocation.body());
    }
    assertThat(broker.awaitEventFor("placement.cancelled.v1", onTheWay).data().get("shelterId").asString())
        .isEqualTo(compromised);
    assertThat(broker.awaitEventFor("placement.checked-out.v1", resident).data().get("reason").asString())
        .isEqualTo("TRANSFERRED");
    assertThat(bedsOfShelter(compromised)).allSatisfy(bed -> assertThat(bed.getString("status")).isEqualTo("AVAILABLE"));
    Document relocated = placementDocument(Relocations.relocationIdFor(resident));
    assertThat(relocated.getString("sealedCaseRef")).startsWith("v1:").isNotEqualTo(sealedBefore);

    String newcomer = id(requestFor(unique("police"), area));
    assertThat(bedOf(newcomer).getString("shelterId")).as("no new holds there").isNotEqualTo(compromised);
    assertThat(http.put("/api/shelters/" + compromised + "/status", coordinator(), "{\"status\":\"OPEN\"}").status())
        .isEqualTo(409);
    assertThat(http.put("/api/shelters/" + compromised + "/status", manager(compromised),
        "{\"status\":\"COMPROMISED\"}").status()).as("idempotent").isEqualTo(200);
    assertThat(mongo.getCollection("placements").countDocuments(new Document("relocatedFrom", resident))).isEqualTo(1);
  }

  @Test
  void withNoBedElsewhereTheRelocationWaitsFirstInLine() {
    GeoPoint area = newArea();
    String compromised = minorGirlsShelter(offset(area, 0.02, 0), 1);
    String elsewhere = minorGirlsShelter(offset(area, 0.4, 0), 1);
    String resident = id(requestFor(unique("police"), area));
    String occupying = id(requestFor(unique("police"), area));
    assertThat(bedOf(occupying).getString("shelterId")).isEqualTo(elsewhere);
    String waitingPolice = unique("police");
    String waitingLonger = id(requestFor(waitingPolice, area));
    assertThat(statusOf(waitingLonger)).isEqualTo("WAITLISTED");

    assertThat(http.put("/api/shelters/" + compromised + "/status", coordinator(), "{\"status\":\"COMPROMISED\"}")
        .status()).isEqualTo(200);

    String relocation = Relocations.relocationIdFor(resident);
    assertThat(statusOf(relocation)).isEqualTo("WAITLISTED");
    assertThat(statusOf(resident)).isEqualTo("RELOCATED");
    assertThat(http.post("/api/placements/" + occupying + "/cancel", coordinator(), null).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(relocation)).isEqualTo("HELD"));
    assertThat(statusOf(waitingLonger)).as("older, but less urgent").isEqualTo("WAITLISTED");
    http.post("/api/placements/" + waitingLonger + "/cancel", coordinator(), null);
    List<String> cleanup = new ArrayList<>(List.of(relocation));
    cleanup.forEach(id -> http.post("/api/placements/" + id + "/cancel", coordinator(), null));
  }
}
