package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Managers keep their own shelters' capacity current; every change is audited; stale ranks last. */
class CapacityIT extends OccupancyIT {

  private List<Document> capacityAudit(String recordId) {
    return auditFor(recordId).stream().filter(e -> "CAPACITY_CHANGED".equals(e.getString("action"))).toList();
  }

  @Test
  void managersAddBedsWhichServeTheWaitlistAtOnce() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String other = minorGirlsShelter(offset(area, 3.0, 0), 1);
    assertThat(requestFor(unique("police"), area).status()).isEqualTo(201);
    String waitingPolice = unique("police");
    String waiting = id(requestFor(waitingPolice, area));
    assertThat(statusOf(waiting)).isEqualTo("WAITLISTED");
    String path = "/api/shelters/" + shelter + "/beds";

    assertThat(http.post(path, manager(other), "{\"count\":2}").status()).as("not their shelter").isEqualTo(404);
    assertThat(http.post(path, TestTokens.police("p"), "{\"count\":2}").status()).isEqualTo(403);
    ServiceHttp.Response added = http.post(path, manager(shelter), "{\"count\":2}");

    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(bedsOfShelter(shelter)).hasSize(3);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(waiting)).isEqualTo("HELD"));
    assertThat(bedOf(waiting).getString("shelterId")).isEqualTo(shelter);
    assertThat(capacityAudit(shelter)).anySatisfy(e -> {
      assertThat(e.getString("purpose")).isEqualTo("BEDS_ADDED:2");
      assertThat(e.getString("actorRole")).isEqualTo("SHELTER_MANAGER");
    });
    assertThat(http.post(path, coordinator(), "{\"count\":1}").status()).isEqualTo(200);
    assertThat(http.get("/api/shelters/" + shelter, manager(shelter)).json().get("beds").get("available").asInt())
        .isEqualTo(2);
  }

  @Test
  void retiredBedsAreGoneForGoodAndHeldOnesCannotBeRetired() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 3);
    String held = id(requestFor(unique("police"), area));
    String heldBed = bedOf(held).getString("_id");
    String freeBed = bedsOfShelter(shelter).stream().filter(b -> "AVAILABLE".equals(b.getString("status")))
        .findFirst().orElseThrow().getString("_id");
    String base = "/api/shelters/" + shelter + "/beds/";

    ServiceHttp.Response refused = http.post(base + heldBed + "/retire", manager(shelter), null);
    ServiceHttp.Response retired = http.post(base + freeBed + "/retire", manager(shelter), null);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.isProblem()).isTrue();
    assertThat(retired.status()).isEqualTo(200);
    assertThat(retired.json().get("status").asString()).isEqualTo("RETIRED");
    assertThat(http.post(base + freeBed + "/retire", manager(shelter), null).status()).as("idempotent").isEqualTo(200);
    assertThat(http.put(base + freeBed + "/service-status", manager(shelter), "{\"inService\":true}").status())
        .as("never back").isEqualTo(409);
    JsonNode beds = http.get("/api/shelters/" + shelter, manager(shelter)).json().get("beds");
    assertThat(beds.get("available").asInt()).isEqualTo(1);
    assertThat(beds.get("held").asInt()).isEqualTo(1);
    assertThat(beds.get("retired").asInt()).isEqualTo(1);
    assertThat(capacityAudit(freeBed)).singleElement()
        .satisfies(e -> assertThat(e.getString("purpose")).isEqualTo("BED_RETIRED"));
    assertThat(http.post(base + freeBed + "/retire", manager(minorGirlsShelter(offset(area, 4, 0), 1)), null).status())
        .isEqualTo(404);
  }

  @Test
  void staleCapacityRanksAfterFreshUntilTheManagerConfirmsIt() {
    GeoPoint area = newArea();
    String nearest = minorGirlsShelter(offset(area, 0.01, 0), 2);
    String fresh = minorGirlsShelter(offset(area, 0.06, 0), 2);
    makeStale(nearest);

    JsonNode view = http.get("/api/shelters/" + nearest, manager(nearest)).json();
    assertThat(view.get("capacityStale").asBoolean()).isTrue();
    assertThat(http.get("/api/shelters/" + fresh, manager(fresh)).json().get("capacityStale").asBoolean()).isFalse();
    String first = id(requestFor(unique("police"), area));
    assertThat(bedOf(first).getString("shelterId")).as("fresh first within the same travel band").isEqualTo(fresh);
    assertThat(http.get("/api/placements/" + first, coordinator()).json().get("matchReasons").toString())
        .contains("CAPACITY_FRESH");

    ServiceHttp.Response confirmed = http.post("/api/shelters/" + nearest + "/capacity-check", manager(nearest), null);

    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.json().get("capacityStale").asBoolean()).isFalse();
    assertThat(Instant.parse(confirmed.json().get("capacityConfirmedAt").asString()))
        .isAfter(Instant.now().minusSeconds(60));
    assertThat(capacityAudit(nearest)).anySatisfy(e -> assertThat(e.getString("purpose")).isEqualTo("CAPACITY_CONFIRMED"));
    String second = id(requestFor(unique("police"), area));
    assertThat(bedOf(second).getString("shelterId")).isEqualTo(nearest);
    assertThat(http.post("/api/shelters/" + nearest + "/capacity-check", manager(fresh), null).status()).isEqualTo(404);
    assertThat(http.post("/api/shelters/" + nearest + "/capacity-check", TestTokens.driver("d"), null).status())
        .isEqualTo(403);
  }

  @Test
  void closingReopeningAndServiceChangesAreAuditedCapacityChanges() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String status = "/api/shelters/" + shelter + "/status";

    assertThat(http.put(status, manager(shelter), "{\"status\":\"CLOSED\"}").status()).isEqualTo(200);
    assertThat(http.put(status, manager(shelter), "{\"status\":\"OPEN\"}").status()).isEqualTo(200);
    assertThat(http.put("/api/shelters/" + shelter + "/beds/" + shelter + "-bed-1/service-status", manager(shelter),
        "{\"inService\":false,\"reason\":\"MAINTENANCE\"}").status()).isEqualTo(200);

    assertThat(capacityAudit(shelter)).extracting(e -> e.getString("purpose"))
        .containsSubsequence("SHELTER_CLOSED", "SHELTER_OPEN");
    assertThat(capacityAudit(shelter + "-bed-1")).extracting(e -> e.getString("purpose"))
        .contains("OUT_OF_SERVICE:MAINTENANCE");
  }

  @Test
  void aBedGoesOutOfServiceOnlyWithACodedReasonWhichItsListShowsUntilItIsBack() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 3);
    String bed = shelter + "-bed-2";
    String path = "/api/shelters/" + shelter + "/beds/" + bed + "/service-status";

    for (String refused : new String[] {
        "{\"inService\":false}",
        "{\"inService\":false,\"reason\":null}",
        "{\"inService\":false,\"reason\":\"HOLIDAY\"}",
        "{\"inService\":false,\"reason\":\"Broken by Anna Martin\"}",
        "{\"inService\":true,\"reason\":\"CLEANING\"}"}) {
      ServiceHttp.Response answer = http.put(path, manager(shelter), refused);
      assertThat(answer.status()).as(refused).isEqualTo(400);
      assertThat(answer.isProblem()).as(refused).isTrue();
      assertThat(answer.body()).as("no input echoed").doesNotContain("Anna");
    }
    assertThat(bedDocument(bed).getString("status")).as("nothing changed").isEqualTo("AVAILABLE");

    ServiceHttp.Response damaged = http.put(path, manager(shelter), "{\"inService\":false,\"reason\":\"DAMAGED\"}");
    assertThat(damaged.status()).isEqualTo(200);
    assertThat(damaged.json().get("outOfServiceReason").asString()).isEqualTo("DAMAGED");
    JsonNode listed = http.get("/api/shelters/" + shelter + "/beds", manager(shelter)).json();
    assertThat(listed.valueStream().filter(b -> b.has("outOfServiceReason")).map(b -> b.get("id").asString()))
        .containsExactly(bed);
    assertThat(http.get("/api/shelters/" + shelter + "/beds", coordinator()).body()).contains("\"outOfServiceReason\":\"DAMAGED\"");

    ServiceHttp.Response cleaning = http.put(path, manager(shelter), "{\"inService\":false,\"reason\":\"CLEANING\"}");
    assertThat(cleaning.status()).as("another reason for a bed still out").isEqualTo(200);
    assertThat(cleaning.json().get("outOfServiceReason").asString()).isEqualTo("CLEANING");
    assertThat(http.put(path, manager(shelter), "{\"inService\":false,\"reason\":\"CLEANING\"}").status())
        .as("idempotent").isEqualTo(200);

    ServiceHttp.Response back = http.put(path, manager(shelter), "{\"inService\":true}");
    assertThat(back.status()).isEqualTo(200);
    assertThat(back.json().get("status").asString()).isEqualTo("AVAILABLE");
    assertThat(back.json().has("outOfServiceReason")).isFalse();
    assertThat(bedDocument(bed).containsKey("outOfServiceReason")).as("forgotten once back").isFalse();
    assertThat(capacityAudit(bed)).extracting(e -> e.getString("purpose"))
        .containsExactly("OUT_OF_SERVICE:DAMAGED", "OUT_OF_SERVICE_REASON:CLEANING", "BACK_IN_SERVICE");

    // Taken out of service before reasons were kept: listed out of service, without a reason.
    mongo.getCollection("beds").updateOne(new Document("_id", shelter + "-bed-3"),
        new Document("$set", new Document("status", "OUT_OF_SERVICE")));
    JsonNode old = http.get("/api/shelters/" + shelter + "/beds", manager(shelter)).json().valueStream()
        .filter(b -> b.get("id").asString().equals(shelter + "-bed-3")).findFirst().orElseThrow();
    assertThat(old.get("status").asString()).isEqualTo("OUT_OF_SERVICE");
    assertThat(old.has("outOfServiceReason")).isFalse();
  }

  private Document bedDocument(String bedId) {
    return mongo.getCollection("beds").find(new Document("_id", bedId)).first();
  }

  /** As if nobody had confirmed the shelter's capacity for two days (shelter and its search copy). */
  private void makeStale(String shelterId) {
    Date twoDaysAgo = Date.from(Instant.now().minus(Duration.ofDays(2)));
    mongo.getCollection("shelters").updateOne(new Document("_id", shelterId),
        new Document("$set", new Document("capacityConfirmedAt", twoDaysAgo)));
    Document copy = mongo.getCollection("shelter_cells")
        .find(new Document("shelters." + shelterId, new Document("$exists", true))).first();
    mongo.getCollection("shelter_cells").updateOne(new Document("_id", copy.getString("_id")),
        new Document("$set", new Document("shelters." + shelterId + ".capacityConfirmedAt", twoDaysAgo)));
  }
}
