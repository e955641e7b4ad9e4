package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;

/** Nothing double-booked: many police requests racing for few beds. */
class ConcurrencyIT extends OccupancyIT {

  @Test
  void thirtySimultaneousRequestsForFiveBedsHoldExactlyFive() throws Exception {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.05, 0.05), 5);
    ExecutorService pool = Executors.newFixedThreadPool(30);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ServiceHttp.Response>> futures = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String police = unique("police-" + i);
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

    assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(5)
        .allSatisfy(r -> assertThat(r.json().get("status").asString()).isEqualTo("HELD"));
    assertThat(responses).filteredOn(r -> r.status() == 202).hasSize(25)
        .allSatisfy(r -> assertThat(r.json().get("status").asString()).isEqualTo("WAITLISTED"));

    List<Document> beds = bedsOfShelter(shelter);
    assertThat(beds).allSatisfy(bed -> assertThat(bed.getString("status")).isEqualTo("HELD"));
    Set<String> holders = beds.stream().map(bed -> bed.getString("placementId")).collect(Collectors.toSet());
    Set<String> held = responses.stream().filter(r -> r.status() == 201).map(OccupancyIT::id).collect(Collectors.toSet());
    assertThat(holders).as("each bed has its own placement, each held placement its own bed").isEqualTo(held);
    for (String placementId : held) {
      assertThat(placementDocument(placementId).get("hold", Document.class).getString("bedId"))
          .isEqualTo(bedOf(placementId).getString("_id"));
    }
  }
}
