package org.safebed.benchmarks;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Synthetic capacity for the benchmark, created through the public API as a coordinator would:
 * drivers near the pick-up point (the demo has three, each busy after one job) and shelters with
 * beds south-west of it, outside the request's exclusion zone. Code names and streets are invented.
 */
final class Seeding {

  static final String COORDINATOR = "demo-coordinator";
  /** The most beds one shelter can be registered with (NewShelter.bedCount). */
  static final int BEDS_PER_SHELTER = 200;
  private static final int PARALLEL_CALLS = 4;

  private final SafeBedClient client;
  private final String gatewayUrl;
  private final String occupancyUrl;
  /** Shelters this seeding registered so far; each new one gets the next number and place. */
  private int shelterCount;

  /**
   * @param gatewayUrl where drivers and shelters are registered, as a coordinator would
   * @param occupancyUrl where beds are counted: straight to the service, so that a circuit breaker
   *     the gateway opened under load cannot hide the counts
   */
  Seeding(SafeBedClient client, String gatewayUrl, String occupancyUrl) {
    this.client = client;
    this.gatewayUrl = gatewayUrl;
    this.occupancyUrl = occupancyUrl;
  }

  int shelters() {
    return shelterCount;
  }

  /** Registers shelters until at least {@code beds} beds are free; answers how many were added. */
  int ensureAvailable(long beds) throws Exception {
    long missing = beds - availableBeds();
    if (missing <= 0) {
      return 0;
    }
    int shelters = (int) ((missing + BEDS_PER_SHELTER - 1) / BEDS_PER_SHELTER);
    registerShelters("Bench", shelters);
    return shelters;
  }

  /** Registers on-duty, vetted drivers who may escort minors; answers how many were registered. */
  int registerDrivers(String prefix, int count) throws Exception {
    return createAll(count, i -> {
      String body = """
          {"accountSubject": "%s-%d", "vetted": true, "gender": "FEMALE", "languages": ["fr", "en"],
           "canEscortMinors": true, "base": {"lat": %s, "lon": %s}, "onDuty": true}"""
          .formatted(prefix, i, coordinate(48.80 + (i % 20) * 0.01), coordinate(2.20 + (i / 20 % 20) * 0.01));
      return client.post(gatewayUrl, COORDINATOR, "/api/transport/drivers", body);
    });
  }

  /**
   * Registers open shelters of {@link #BEDS_PER_SHELTER} beds that admit anyone the benchmark
   * requests a placement for; answers how many beds they have together.
   */
  int registerShelters(String prefix, int shelters) throws Exception {
    int first = shelterCount;
    shelterCount += shelters;
    int created = createAll(shelters, n -> {
      int i = first + n;
      String body = """
          {"codeName": "%s %d", "region": "bench", "location": {"lat": %s, "lon": %s},
           "address": "%d Allee Inventee du Banc, Synthville",
           "eligibility": {"minAge": 0, "maxAge": 25, "genders": ["FEMALE", "MALE", "NON_BINARY"]},
           "bedCount": %d}"""
          .formatted(prefix, i, coordinate(48.62 + (i % 15) * 0.01), coordinate(2.00 + (i / 15 % 20) * 0.01),
              i + 1, BEDS_PER_SHELTER);
      return client.post(gatewayUrl, COORDINATOR, "/api/shelters", body);
    });
    return created * BEDS_PER_SHELTER;
  }

  /** Held beds in all shelters, as a coordinator sees them. */
  long heldBeds() {
    return sumOfBeds("held");
  }

  /** Free beds in all open shelters, as a coordinator sees them. */
  long availableBeds() {
    return sumOfBeds("available");
  }

  private long sumOfBeds(String status) {
    SafeBedClient.Reply shelters = client.get(occupancyUrl, COORDINATOR, "/api/shelters");
    if (shelters.status() != 200) {
      throw new IllegalStateException("listing shelters: HTTP " + shelters.status());
    }
    long beds = 0;
    for (var shelter : shelters.json()) {
      if ("OPEN".equals(shelter.path("status").asString("OPEN"))) {
        beds += shelter.path("beds").path(status).asLong();
      }
    }
    return beds;
  }

  /** Calls {@code create} for 0..count-1 a few at a time; fails on the first refusal. */
  private static int createAll(int count, IntFunction<SafeBedClient.Reply> create) throws Exception {
    AtomicInteger created = new AtomicInteger();
    try (ExecutorService calls = Executors.newFixedThreadPool(PARALLEL_CALLS)) {
      java.util.List<Future<?>> pending = new java.util.ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        pending.add(calls.submit(() -> {
          SafeBedClient.Reply reply = create.apply(index);
          if (reply.status() != 201) {
            throw new IllegalStateException("seeding refused: HTTP " + reply.status() + " " + reply.body());
          }
          created.incrementAndGet();
          return null;
        }));
      }
      for (Future<?> call : pending) {
        call.get();
      }
    }
    return created.get();
  }

  private static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
