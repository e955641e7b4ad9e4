package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
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

/**
 * The "done when" of issue 3: 100 simultaneous police requests for the last free bed of an
 * otherwise full system give exactly one HELD and 99 WAITLISTED, round after round. "Otherwise
 * full": every bed she may take is held, while beds she may not take (adults only, boys only) are
 * free nearby.
 */
class LastBedConcurrencyIT extends OccupancyIT {

  private static final int ROUNDS = 5;
  private static final int RACERS = 100;

  private GeoPoint area;
  private List<String> eligible;
  private String adultsOnly;
  private String boysOnly;
  private final Set<String> heldBefore = new HashSet<>();

  @Test
  void aHundredRequestsForTheLastBedGiveOneHeldAndNinetyNineWaitlistedEveryRound() throws Exception {
    area = newArea();
    eligible = List.of(
        minorGirlsShelter(offset(area, 0.05, 0.05), 2),
        minorGirlsShelter(offset(area, -0.1, 0.1), 2),
        minorGirlsShelter(offset(area, 0.2, -0.1), 2));
    adultsOnly = shelter(offset(area, 0.01, 0.01), eligibility(18, 21, "FEMALE"), 3);
    boysOnly = shelter(offset(area, -0.01, 0.02), eligibility(12, 17, "MALE"), 3);
    for (int i = 0; i < 5; i++) {
      ServiceHttp.Response filling = requestFor(unique("police-fill"), area);
      assertThat(filling.status()).as(filling.body()).isEqualTo(201);
      heldBefore.add(id(filling));
    }
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        race(pool, round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One race for the one free bed; afterwards the losers are cancelled and the winner gives the bed back. */
  private void race(ExecutorService pool, int round) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ServiceHttp.Response>> futures = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      String police = unique("police-r" + round + "-" + i);
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

    List<ServiceHttp.Response> held = responses.stream().filter(r -> r.status() == 201).toList();
    List<ServiceHttp.Response> waiting = responses.stream().filter(r -> r.status() == 202).toList();
    assertThat(held).as("round %d: exactly one got the last bed", round).hasSize(1)
        .allSatisfy(r -> assertThat(r.json().get("status").asString()).isEqualTo("HELD"));
    assertThat(waiting).as("round %d: all others are waitlisted", round).hasSize(RACERS - 1)
        .allSatisfy(r -> assertThat(r.json().get("status").asString()).isEqualTo("WAITLISTED"));

    Set<String> allHeld = new HashSet<>(heldBefore);
    allHeld.add(id(held.getFirst()));
    List<Document> beds = new ArrayList<>();
    eligible.forEach(shelter -> beds.addAll(bedsOfShelter(shelter)));
    assertThat(beds).hasSize(6).allSatisfy(bed -> assertThat(bed.getString("status")).isEqualTo("HELD"));
    assertThat(beds.stream().map(bed -> bed.getString("placementId")).collect(Collectors.toSet()))
        .as("six beds, six different placements: the five before and the winner").isEqualTo(allHeld);
    for (String placementId : allHeld) {
      assertThat(placementDocument(placementId).get("hold", Document.class).getString("bedId"))
          .isEqualTo(bedOf(placementId).getString("_id"));
    }
    for (ServiceHttp.Response loser : waiting) {
      assertThat(bedOf(id(loser))).as("a waitlisted placement holds no bed").isNull();
      assertThat(statusOf(id(loser))).isEqualTo("WAITLISTED");
    }
    assertThat(bedsOfShelter(adultsOnly)).allSatisfy(bed -> assertThat(bed.getString("status")).isEqualTo("AVAILABLE"));
    assertThat(bedsOfShelter(boysOnly)).allSatisfy(bed -> assertThat(bed.getString("status")).isEqualTo("AVAILABLE"));

    // Leave the shared waitlist as it was: later tests serve it on every freed bed.
    List<Future<Integer>> cancels = new ArrayList<>();
    for (ServiceHttp.Response loser : waiting) {
      cancels.add(pool.submit(() -> http.post("/api/placements/" + id(loser) + "/cancel", coordinator(), null).status()));
    }
    for (Future<Integer> cancel : cancels) {
      assertThat(cancel.get()).isEqualTo(200);
    }
    assertThat(http.post("/api/placements/" + id(held.getFirst()) + "/cancel", coordinator(), null).status())
        .isEqualTo(200);
  }
}
