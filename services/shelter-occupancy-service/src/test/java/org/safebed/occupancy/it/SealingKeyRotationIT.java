package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.ShelterOccupancyApplication;
import org.safebed.occupancy.application.Relocations;
import org.safebed.occupancy.application.Waitlist;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.SealedValues;
import org.safebed.platform.testing.SecondInstance;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.core.type.TypeReference;

/**
 * A key rotation as operators run it: an instance sealing with key k1 stored shelters and
 * placements; this instance seals with k2 and still opens k1; {@code POST /actuator/sealing}
 * re-seals. Afterwards no value in the database is under k1 any more, and every one still opens
 * for what it is there for.
 */
@TestPropertySource(properties = {
    "safebed.sealing.key-id=k2",
    // Synthetic key for tests only (bytes 32..63).
    "safebed.sealing.previous-keys.k1=" + SealingKeyRotationIT.OLD_KEY,
    // As the README says: before the first rotation, pseudonyms keep the key they were made with.
    "safebed.occupancy.pseudonym-key=" + SealingKeyRotationIT.OLD_KEY,
    "management.endpoints.web.exposure.include=health,info,sealing"
})
class SealingKeyRotationIT extends OccupancyIT {

  static final String OLD_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

  @Autowired Waitlist waitlist;

  /** The instance that ran before the rotation, sealing with k1; background rounds stay with the test's own. */
  private SecondInstance instanceWithOldKey() {
    return SecondInstance.sealingWith(environment, ShelterOccupancyApplication.class, OLD_KEY, "k1", List.of(), List.of(
        "--" + ShelterOccupancyApplication.CONFIG_NAME,
        "--safebed.occupancy.expiry-sweep-interval=1h",
        "--safebed.occupancy.reconcile-interval=1h",
        "--safebed.occupancy.waitlist-interval=1h",
        "--safebed.occupancy.escalation-interval=1h",
        "--safebed.occupancy.travel-estimates.base-url=" + NO_SERVICE,
        "--safebed.occupancy.service-credentials.token-uri=" + NO_SERVICE + "/oauth2/token",
        "--safebed.occupancy.max-distance-km=" + environment.getProperty("safebed.occupancy.max-distance-km")));
  }

  private Map<String, String> sealedValues() {
    return SealedValues.in(mongo.getDb());
  }

  /** Per declared field, how many values each key id seals. */
  private Map<String, Map<String, Integer>> keyUsage() {
    ServiceHttp.Response usage = http.get("/actuator/sealing", coordinator());
    assertThat(usage.status()).as(usage.body()).isEqualTo(200);
    return ServiceHttp.JSON.readValue(usage.body(), new TypeReference<Map<String, Map<String, Integer>>>() {});
  }

  @Test
  void everySealedValueIsResealedUnderTheNewKeyAndStillOpens() {
    GeoPoint area = newArea();
    ServiceHttp ownInstance = http;
    String insideHerZone;
    String safe;
    String nearest;
    String farther;
    String waiting;
    try (SecondInstance before = instanceWithOldKey()) {
      http = new ServiceHttp(before.port());
      insideHerZone = minorGirlsShelter(offset(area, 0, 0.1), 1);
      safe = minorGirlsShelter(offset(area, 0.6, 0), 1);
      nearest = id(requestFor(unique("police"), area));
      farther = id(requestFor(unique("police"), area));
      GeoPoint zoneCentre = offset(area, 0.004, 0.104);
      ServiceHttp.Response asked = requestPlacement(TestTokens.police(unique("police")), placementBody(14, "FEMALE", area,
          List.of(Map.of("lat", zoneCentre.lat(), "lon", zoneCentre.lon(), "radiusKm", 6.5))));
      assertThat(asked.status()).as(asked.body()).isEqualTo(202);
      waiting = id(asked);
    } finally {
      http = ownInstance;
    }
    assertThat(sealedValues()).isNotEmpty().allSatisfy((path, sealed) -> assertThat(sealed).startsWith("v1:k1:"));
    assertThat(keyUsage()).isEqualTo(Map.of(
        "shelters.sealedAddress", Map.of("k1", 2),
        "shelters.sealedLocation", Map.of("k1", 2),
        "placements.sealedCaseRef", Map.of("k1", 3),
        "placements.request.sealedLocation", Map.of("k1", 3),
        "placements.request.sealedExclusionZones", Map.of("k1", 3)));

    ServiceHttp.Response resealed = http.post("/actuator/sealing", coordinator(), null);
    assertThat(resealed.status()).as(resealed.body()).isEqualTo(200);
    // 13 declared values, then the coarse-area index's copies of the 2 shelters, rebuilt from them.
    assertThat(resealed.json().get("resealed").asInt()).isEqualTo(13 + 2);
    assertThat(http.post("/actuator/sealing", coordinator(), null).json().get("resealed").asInt()).isZero();
    assertThat(keyUsage().values()).allSatisfy(byKey -> assertThat(byKey).containsOnlyKeys("k2"));
    Map<String, String> sealed = sealedValues();
    assertThat(sealed.keySet()).anyMatch(path -> path.startsWith("shelter_cells/"));
    assertThat(sealed).hasSize(13 + 4).allSatisfy((path, value) -> assertThat(value).startsWith("v1:k2:"));

    // Opened after the rotation: her zone and pick-up location, the shelters' locations...
    http.post("/api/placements/" + nearest + "/cancel", coordinator(), null);
    await().untilAsserted(() -> assertThat(bedsOfShelter(insideHerZone))
        .allSatisfy(bed -> assertThat(bed.getString("status")).isEqualTo("AVAILABLE")));
    waitlist.rematch();
    assertThat(statusOf(waiting)).as("the free bed is inside her exclusion zone").isEqualTo("WAITLISTED");
    http.post("/api/placements/" + farther + "/cancel", coordinator(), null);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(waiting)).isEqualTo("HELD"));
    assertThat(bedOf(waiting).getString("shelterId")).isEqualTo(safe);

    // ...the address, for the driver...
    broker.publish("transport.assigned.v1", "job-" + waiting, Map.of("jobId", "job-" + waiting,
        "placementId", waiting, "driverId", "driver-r", "etaMinutes", 30, "etaSource", "STRAIGHT_LINE"));
    await().untilAsserted(() -> assertThat(placementDocument(waiting).get("transport", Document.class)
        .getString("status")).isEqualTo("ASSIGNED"));
    ServiceHttp.Response destination = http.get("/internal/placements/" + waiting + "/destination",
        TestTokens.service("transport-service"), "X-On-Behalf-Of", "driver-r", "X-Transport-Job", "job-" + waiting);
    assertThat(destination.status()).as(destination.body()).isEqualTo(200);
    assertThat(destination.json().get("address").asString())
        .isEqualTo("1 " + ADDRESS_MARK + " " + safe + ", Synthville");

    // ...and the police case reference, sealed again for her relocation.
    assertThat(http.put("/api/shelters/" + safe + "/status", manager(safe), "{\"status\":\"COMPROMISED\"}").status())
        .isEqualTo(200);
    Document relocation = placementDocument(Relocations.relocationIdFor(waiting));
    assertThat(relocation).isNotNull();
    assertThat(relocation.getString("sealedCaseRef")).startsWith("v1:k2:");
    assertThat(new ArrayList<>(sealedValues().values())).allSatisfy(value -> assertThat(value).startsWith("v1:k2:"));
  }
}
