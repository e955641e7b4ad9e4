package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;

/** Bad input to the new fields and endpoints: a problem+json 4xx, never a 500, and nothing changes. */
class BadInputIT extends OccupancyIT {

  private long writtenBy(String police) {
    return mongo.getCollection("placements").countDocuments(new Document("requestedBy", police))
        + mongo.getCollection("request_slots").countDocuments(new Document("_id", police));
  }

  private void refused(String police, Map<String, Object> body) {
    ServiceHttp.Response response = http.post("/api/placements", TestTokens.police(police), ServiceHttp.json(body),
        "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(response.status()).as(ServiceHttp.json(body)).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.body()).doesNotContain("PJ-SECRET");
    assertThat(writtenBy(police)).as("nothing written for %s", ServiceHttp.json(body)).isZero();
  }

  private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    copy.put(key, value);
    return copy;
  }

  @Test
  void placementRequestsWithBadNewFieldsOrEmptyListItemsAreRefused() {
    GeoPoint area = newArea();
    Map<String, Object> speaksFrench = eligibility(12, 17, "FEMALE");
    speaksFrench.put("languages", List.of("fr"));
    shelter(offset(area, 0.1, 0), speaksFrench, 2);
    String police = unique("police");
    Map<String, Object> valid = placementBody(14, "FEMALE", area, new ArrayList<>());
    valid.put("policeCaseRef", "PJ-SECRET-9");

    refused(police, with(valid, "exclusionZones", Arrays.asList((Object) null)));
    refused(police, with(valid, "exclusionZones", List.of(Map.of())));
    refused(police, with(valid, "exclusionZones", List.of(Map.of("lat", 1.0, "lon", 1.0, "radiusKm", 5, "name", "x"))));
    refused(police, with(valid, "needs", Arrays.asList((Object) null)));
    refused(police, with(valid, "keepApartFrom", List.of("")));
    refused(police, with(valid, "keepApartFrom", Arrays.asList((Object) null)));
    refused(police, with(valid, "keepApartFrom", List.of("<script>")));
    refused(police, with(valid, "languages", List.of("eng")));
    refused(police, with(valid, "languages", Arrays.asList((Object) null)));
    refused(police, with(valid, "specialisms", List.of("MAGIC")));
    refused(police, with(valid, "specialisms", Arrays.asList((Object) null)));
    refused(police, with(valid, "maxTravelMinutes", 5));
    refused(police, with(valid, "maxTravelMinutes", 5000));
    refused(police, with(valid, "urgency", "CRITICAL"));
    refused(police, with(valid, "person", Map.of("ageYears", 26, "gender", "FEMALE")));
    refused(police, with(valid, "location", Map.of("lat", -90.5, "lon", 2.0)));
    refused(police, with(valid, "location", Map.of("lat", 45.0, "lon", 180.5)));
    refused(police, with(valid, "location", Map.of("lat", "north", "lon", 2.0)));

    Map<String, Object> allNew = with(valid, "keepApartFrom", List.of("PJ-SECRET-1"));
    allNew.put("languages", List.of("fr"));
    allNew.put("maxTravelMinutes", 120);
    allNew.put("urgency", "HIGH");
    assertThat(requestPlacement(TestTokens.police(police), allNew).status()).as("the valid one passes").isEqualTo(201);
  }

  @Test
  void capacityCommandsWithBadBodiesChangeNothing() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String beds = "/api/shelters/" + shelter + "/beds";
    long auditBefore = auditFor(shelter).size();

    for (String body : List.of("{\"count\":0}", "{\"count\":101}", "{}", "{\"count\":1,\"extra\":1}", "not json",
        "{\"count\":\"two\"}")) {
      ServiceHttp.Response response = http.post(beds, manager(shelter), body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.isProblem()).isTrue();
    }
    ServiceHttp.Response huge = http.post(beds, manager(shelter), "{\"count\":1,\"pad\":\"" + "x".repeat(70_000) + "\"}");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.isProblem()).isTrue();
    assertThat(http.put("/api/shelters/" + shelter + "/status", manager(shelter), "{\"status\":\"DESTROYED\"}").status())
        .isEqualTo(400);
    assertThat(http.post("/api/placements/bad$id/missing", manager(shelter), null).status()).isEqualTo(400);
    assertThat(http.post("/api/shelters/" + shelter + "/beds/BAD_ID/retire", manager(shelter), null).status())
        .isEqualTo(400);

    assertThat(bedsOfShelter(shelter)).hasSize(2);
    assertThat(auditFor(shelter)).hasSize((int) auditBefore);
    assertThat(mongo.getCollection("shelters").find(new Document("_id", shelter)).first().getString("status"))
        .isEqualTo("OPEN");
  }

  @Test
  void sheltersWithEmptyEligibilityItemsAreRefused() {
    GeoPoint area = newArea();
    String id = unique("shelter");
    Map<String, Object> eligibility = eligibility(12, 17, "FEMALE");
    eligibility.put("languages", Arrays.asList((Object) null));
    Map<String, Object> withNullGender = eligibility(12, 17);
    withNullGender.put("genders", Arrays.asList((Object) null));

    assertThat(http.post("/api/shelters", coordinator(), ServiceHttp.json(shelterBody(id, area, eligibility, 2))).status())
        .isEqualTo(400);
    assertThat(http.post("/api/shelters", coordinator(), ServiceHttp.json(shelterBody(id, area, withNullGender, 2))).status())
        .isEqualTo(400);
    assertThat(mongo.getCollection("shelters").countDocuments(new Document("_id", id))).isZero();
    assertThat(mongo.getCollection("beds").countDocuments(new Document("shelterId", id))).isZero();
  }

  @Test
  void aRepeatedKeyAControlCharacterOrARepeatedSetItemIsRefusedAndChangesNothing() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String status = "/api/shelters/" + shelter + "/status";

    ServiceHttp.Response closing = http.put(status, manager(shelter), "{\"status\":\"OPEN\",\"status\":\"CLOSED\"}");
    assertThat(closing.status()).as("the last key is not applied").isEqualTo(400);
    assertThat(closing.isProblem()).isTrue();
    assertThat(mongo.getCollection("shelters").find(new Document("_id", shelter)).first().getString("status"))
        .isEqualTo("OPEN");

    String id = unique("shelter");
    Map<String, Object> nulInAddress = shelterBody(id, area, eligibility(12, 17, "FEMALE"), 2);
    nulInAddress.put("address", "1 Hidden Lane\u0000, Synthville");
    Map<String, Object> newlineInAddress = shelterBody(id, area, eligibility(12, 17, "FEMALE"), 2);
    newlineInAddress.put("address", "1 Hidden Lane\nSynthville");
    Map<String, Object> twiceFrench = eligibility(12, 17, "FEMALE");
    twiceFrench.put("languages", List.of("fr", "fr"));
    for (Map<String, Object> body : List.of(nulInAddress, newlineInAddress, shelterBody(id, area, twiceFrench, 2))) {
      ServiceHttp.Response refused = http.post("/api/shelters", coordinator(), ServiceHttp.json(body));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.isProblem()).isTrue();
      assertThat(refused.body()).doesNotContain("Hidden");
    }
    assertThat(mongo.getCollection("shelters").countDocuments(new Document("_id", id))).isZero();

    String police = unique("police");
    Map<String, Object> request = placementBody(14, "FEMALE", area, new ArrayList<>());
    request.put("keepApartFrom", List.of("PJ-SECRET-1", "PJ-SECRET-1"));
    refused(police, request);
  }
}
