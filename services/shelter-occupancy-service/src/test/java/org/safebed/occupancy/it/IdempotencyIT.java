package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;

class IdempotencyIT extends OccupancyIT {

  @Test
  void theSameKeyAndBodyAnswerTheSamePlacementWithTheSameStatusCode() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.1, 0), 1);
    String token = TestTokens.police(unique("police"));
    String heldBody = ServiceHttp.json(placementBody(14, "FEMALE", area, new ArrayList<>()));
    String waitBody = ServiceHttp.json(placementBody(15, "FEMALE", area, new ArrayList<>()));
    String heldKey = UUID.randomUUID().toString();
    String waitKey = UUID.randomUUID().toString();

    ServiceHttp.Response held = http.post("/api/placements", token, heldBody, "Idempotency-Key", heldKey);
    ServiceHttp.Response heldAgain = http.post("/api/placements", token, heldBody, "Idempotency-Key", heldKey);
    ServiceHttp.Response waiting = http.post("/api/placements", token, waitBody, "Idempotency-Key", waitKey);
    ServiceHttp.Response waitingAgain = http.post("/api/placements", token, waitBody, "Idempotency-Key", waitKey);

    assertThat(held.status()).isEqualTo(201);
    assertThat(heldAgain.status()).isEqualTo(201);
    assertThat(id(heldAgain)).isEqualTo(id(held));
    assertThat(waiting.status()).isEqualTo(202);
    assertThat(waitingAgain.status()).isEqualTo(202);
    assertThat(id(waitingAgain)).isEqualTo(id(waiting));
    assertThat(bedsHeldBy(id(held))).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedWith422() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.1, 0), 2);
    String police = unique("police");
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = placementBody(14, "FEMALE", area, new ArrayList<>());
    ServiceHttp.Response first = http.post("/api/placements", TestTokens.police(police), ServiceHttp.json(body), "Idempotency-Key", key);

    body.put("person", Map.of("ageYears", 16, "gender", "FEMALE"));
    ServiceHttp.Response second = http.post("/api/placements", TestTokens.police(police), ServiceHttp.json(body), "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(422);
    assertThat(second.isProblem()).isTrue();
    assertThat(mongo.getCollection("placements").countDocuments(new Document("requestedBy", police))).isEqualTo(1);
  }

  @Test
  void keysBelongToTheirRequester() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.1, 0), 2);
    String key = UUID.randomUUID().toString();
    String body = ServiceHttp.json(placementBody(14, "FEMALE", area, new ArrayList<>()));

    ServiceHttp.Response a = http.post("/api/placements", TestTokens.police(unique("police-a")), body, "Idempotency-Key", key);
    ServiceHttp.Response b = http.post("/api/placements", TestTokens.police(unique("police-b")), body, "Idempotency-Key", key);

    assertThat(a.status()).isEqualTo(201);
    assertThat(b.status()).isEqualTo(201);
    assertThat(id(a)).isNotEqualTo(id(b));
  }

  @Test
  void simultaneousRetriesCreateOnePlacementAndHoldOneBed() throws Exception {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 3);
    String token = TestTokens.police(unique("police"));
    String key = UUID.randomUUID().toString();
    String body = ServiceHttp.json(placementBody(14, "FEMALE", area, new ArrayList<>()));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<ServiceHttp.Response>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Callable<ServiceHttp.Response> call = () -> http.post("/api/placements", token, body, "Idempotency-Key", key);
      futures.add(pool.submit(call));
    }
    List<ServiceHttp.Response> responses = new ArrayList<>();
    for (Future<ServiceHttp.Response> future : futures) {
      responses.add(future.get());
    }
    pool.shutdown();

    assertThat(responses).extracting(ServiceHttp.Response::status).containsOnly(201);
    assertThat(responses).extracting(OccupancyIT::id).containsOnly(id(responses.getFirst()));
    assertThat(bedsOfShelter(shelter)).filteredOn(bed -> "HELD".equals(bed.getString("status"))).hasSize(1);
  }

  private long bedsHeldBy(String placementId) {
    return mongo.getCollection("beds").countDocuments(new Document("placementId", placementId));
  }
}
