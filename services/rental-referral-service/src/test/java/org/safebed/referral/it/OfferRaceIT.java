package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp.Response;

/** One unit, one referral at a time: fifty officers' clicks at once, exactly one wins. */
class OfferRaceIT extends ServiceIT {

  private static final int CONTENDERS = 50;

  @Test
  void fiftyConcurrentOffersOfOneUnitHaveExactlyOneWinner() throws Exception {
    String unitId = unit();
    List<String> referralIds = new ArrayList<>();
    for (int i = 0; i < CONTENDERS; i++) {
      referralIds.add(openReferral());
    }

    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS)) {
      for (String referralId : referralIds) {
        results.add(pool.submit(() -> {
          start.await();
          return api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", unitId));
        }));
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    List<String> winners = new ArrayList<>();
    int conflicts = 0;
    for (int i = 0; i < CONTENDERS; i++) {
      Response response = results.get(i).get();
      if (response.status() == 200) {
        winners.add(referralIds.get(i));
      } else {
        assertProblem(response, 409);
        conflicts++;
      }
    }
    assertThat(winners).hasSize(1);
    assertThat(conflicts).isEqualTo(CONTENDERS - 1);

    String winner = winners.getFirst();
    assertThat(unitStatus(unitId)).isEqualTo("RESERVED");
    assertThat(unitDocument(unitId).getString("referralId")).isEqualTo(winner);
    assertThat(mongo.getCollection("referrals").countDocuments(new Document("offer.unitId", unitId))).isEqualTo(1);
    for (String loser : referralIds) {
      if (!loser.equals(winner)) {
        assertThat(api.get("/api/referrals/" + loser, officer).text("status")).isEqualTo("OPEN");
      }
    }
  }

  @Test
  void concurrentOffersOfDifferentUnitsToOneReferralLeaveOneHeldAndTheOthersFree() throws Exception {
    String referralId = openReferral();
    List<String> unitIds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      unitIds.add(unit("central", 20 + i));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(unitIds.size())) {
      for (String unitId : unitIds) {
        results.add(pool.submit(() -> {
          start.await();
          return api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", unitId));
        }));
      }
      start.countDown();
    }
    long ok = 0;
    for (Future<Response> result : results) {
      ok += result.get().status() == 200 ? 1 : 0;
    }
    assertThat(ok).isEqualTo(1);
    String held = api.get("/api/referrals/" + referralId, officer).json().path("offer").path("unitId").asString();
    for (String unitId : unitIds) {
      assertThat(unitStatus(unitId)).as(unitId).isEqualTo(unitId.equals(held) ? "RESERVED" : "AVAILABLE");
    }
  }
}
