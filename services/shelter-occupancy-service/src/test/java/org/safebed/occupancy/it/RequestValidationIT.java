package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;

/** Bad input is a problem+json 4xx, never a 500, and writes nothing. */
class RequestValidationIT extends OccupancyIT {

  private long placementsOf(String police) {
    return mongo.getCollection("placements").countDocuments(new Document("requestedBy", police));
  }

  private void assertRejected(String police, String body, String... headers) {
    String[] allHeaders = headers.length > 0 ? headers : new String[] {"Idempotency-Key", UUID.randomUUID().toString()};
    ServiceHttp.Response response = http.post("/api/placements", TestTokens.police(police), body, allHeaders);
    assertThat(response.status()).as(body).isEqualTo(400);
    assertThat(response.isProblem()).as(response.contentType()).isTrue();
    assertThat(response.json().get("status").asInt()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("PJ-SECRET");
    assertThat(placementsOf(police)).isZero();
  }

  @Test
  void malformedOrUnknownFieldsOrOutOfRangeValuesAreRefused() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.1, 0), 3);
    String police = unique("police");
    Map<String, Object> valid = placementBody(14, "FEMALE", area, new ArrayList<>());
    valid.put("policeCaseRef", "PJ-SECRET-1");

    assertRejected(police, "{\"policeCaseRef\": \"PJ-SECRET-1\", \"person\": {");
    assertRejected(police, "not json at all");
    assertRejected(police, ServiceHttp.json(with(valid, "unexpected", "x")));
    assertRejected(police, ServiceHttp.json(with(valid, "person", Map.of("ageYears", 30, "gender", "FEMALE"))));
    assertRejected(police, ServiceHttp.json(with(valid, "person", Map.of("ageYears", -1, "gender", "FEMALE"))));
    assertRejected(police, ServiceHttp.json(with(valid, "person", Map.of("ageYears", 14, "gender", "ROBOT"))));
    assertRejected(police, ServiceHttp.json(with(valid, "person", Map.of("ageYears", 14, "gender", "FEMALE", "name", "X"))));
    assertRejected(police, ServiceHttp.json(with(valid, "location", Map.of("lat", 91.0, "lon", 2.0))));
    assertRejected(police, ServiceHttp.json(with(valid, "location", Map.of("lat", 48.0, "lon", -181.0))));
    assertRejected(police, ServiceHttp.json(with(valid, "location", Map.of("lat", 48.0))));
    assertRejected(police, ServiceHttp.json(with(valid, "exclusionZones", List.of(Map.of("lat", 48.0, "lon", 2.0, "radiusKm", 0)))));
    assertRejected(police, ServiceHttp.json(with(valid, "needs", List.of("FLYING"))));
    assertRejected(police, ServiceHttp.json(with(valid, "escortGender", "NON_BINARY")));
    assertRejected(police, ServiceHttp.json(with(valid, "escortGender", "female")));
    assertRejected(police, ServiceHttp.json(with(valid, "escortGender", 1)));
    assertRejected(police, ServiceHttp.json(with(valid, "policeCaseRef", "")));
    assertRejected(police, ServiceHttp.json(with(valid, "policeCaseRef", "<script>")));
    assertRejected(police, ServiceHttp.json(without(valid, "person")));
    assertRejected(police, ServiceHttp.json(valid), "Idempotency-Key", "not-a-uuid");
    assertRejected(police, ServiceHttp.json(valid), "X-Nothing", "1");

    assertThat(requestPlacement(TestTokens.police(police), valid).status()).as("the valid one passes").isEqualTo(201);
  }

  @Test
  void anOversizedBodyIsRefusedBeforeReading() {
    String police = unique("police");
    String huge = "{\"policeCaseRef\":\"" + "A".repeat(70_000) + "\"}";

    ServiceHttp.Response response = http.post("/api/placements", TestTokens.police(police), huge,
        "Idempotency-Key", UUID.randomUUID().toString());

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.isProblem()).isTrue();
    assertThat(placementsOf(police)).isZero();
  }

  @Test
  void badPathIdsAndShelterBodiesAreRefused() {
    assertThat(http.get("/api/placements/bad$id", coordinator()).status()).isEqualTo(400);

    GeoPoint area = newArea();
    String id = unique("shelter");
    Map<String, Object> inverted = shelterBody(id, area, eligibility(17, 12, "FEMALE"), 2);
    ServiceHttp.Response response = http.post("/api/shelters", coordinator(), ServiceHttp.json(inverted));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.body()).doesNotContain(ADDRESS_MARK);
    assertThat(http.post("/api/shelters", coordinator(),
        ServiceHttp.json(shelterBody(id, area, eligibility(12, 17, "FEMALE"), 0))).status()).isEqualTo(400);
    assertThat(http.post("/api/shelters", coordinator(),
        ServiceHttp.json(with(shelterBody(id, area, eligibility(12, 17, "FEMALE"), 2), "location", Map.of("lat", 100, "lon", 0))))
        .status()).isEqualTo(400);
    assertThat(mongo.getCollection("shelters").countDocuments(new Document("_id", id))).isZero();
    assertThat(mongo.getCollection("beds").countDocuments(new Document("shelterId", id))).isZero();
  }

  private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
    copy.put(key, value);
    return copy;
  }

  private static Map<String, Object> without(Map<String, Object> body, String key) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
    copy.remove(key);
    return copy;
  }
}
