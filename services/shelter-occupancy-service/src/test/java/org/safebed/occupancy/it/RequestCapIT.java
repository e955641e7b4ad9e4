package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.RequestSlots;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;

/** The cap on open placements per requester is hard, even for simultaneous first requests. */
class RequestCapIT extends OccupancyIT {

  @Autowired RequestSlots slots;

  @Test
  void simultaneousFirstRequestsOfOneAccountNeverExceedTheCap() throws Exception {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 10);
    String police = unique("police");
    ExecutorService pool = Executors.newFixedThreadPool(12);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ServiceHttp.Response>> futures = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return requestFor(police, area);
      }));
    }
    start.countDown();
    List<ServiceHttp.Response> responses = new ArrayList<>();
    for (Future<ServiceHttp.Response> future : futures) {
      responses.add(future.get());
    }
    pool.shutdown();

    assertThat(responses).filteredOn(r -> r.status() == 201).as("the cap is 3").hasSize(3);
    assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(9)
        .allSatisfy(r -> assertThat(r.isProblem()).isTrue());
    assertThat(mongo.getCollection("placements").countDocuments(new Document("requestedBy", police))).isEqualTo(3);
    assertThat(bedsOfShelter(shelter)).filteredOn(bed -> "HELD".equals(bed.getString("status"))).hasSize(3);
    assertThat(mongo.getCollection("request_slots").find(new Document("_id", police)).first()
        .getList("slots", Document.class)).hasSize(3);

    String first = id(responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow());
    assertThat(http.post("/api/placements/" + first + "/cancel", TestTokens.police(police), null).status()).isEqualTo(200);
    assertThat(requestFor(police, area).status()).as("a cancelled placement frees its slot").isEqualTo(201);
    String second = id(responses.stream().filter(r -> r.status() == 201).skip(1).findFirst().orElseThrow());
    assertThat(checkIn(second, shelter).status()).isEqualTo(200);
    assertThat(requestFor(police, area).status()).as("an arrival frees its slot").isEqualTo(201);
    assertThat(requestFor(police, area).status()).as("three open again").isEqualTo(409);
  }

  /**
   * An account's first requests arriving together each get a slot while there is room: the one
   * that finds the account's record just created by another claims again instead of being refused.
   */
  @Test
  void simultaneousFirstClaimsWithinTheCapAllSucceed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 40; round++) {
        String police = unique("police");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          String placementId = unique("plc");
          claims.add(pool.submit(() -> {
            start.await();
            return slots.claim(police, placementId, 3, Instant.now());
          }));
        }
        start.countDown();
        for (Future<Boolean> claim : claims) {
          assertThat(claim.get()).as("round %d: three claims, cap three", round).isTrue();
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void waitlistedPlacementsCountAgainstTheCapToo() {
    GeoPoint area = newArea();
    String police = unique("police");
    for (int i = 0; i < 3; i++) {
      assertThat(requestFor(police, area).status()).isEqualTo(202);
    }
    assertThat(requestFor(police, area).status()).isEqualTo(409);
  }
}
