package org.safebed.benchmarks;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Synthetic capacity for the benchmark, created through the services' public APIs as a coordinator
 * would: drivers near the pick-up point (the demo has three, each busy after one job) and shelters
 * with beds south-west of it, outside the request's exclusion zone. Code names and streets are
 * invented. Straight to the services, not through the gateway: seeding is not measured, and the
 * coordinator's account keeps the gateway's normal rate limit.
 */
final class Seeding {

  static final String COORDINATOR = "demo-coordinator";
  /** The most beds one shelter can be registered with (NewShelter.bedCount). */
  static final int BEDS_PER_SHELTER = 200;
  private static final int PARALLEL_CALLS = 4;

  private final SafeBedClient client;
  private final String occupancyUrl;
  private final String transportUrl;
  /** Shelters this seeding registered so far; each new one gets the next number and place. */
  private int shelterCount;
  /** Drivers registered so far; each new one gets the next account subject. */
  private int driverCount;

  /**
   * @param occupancyUrl shelter occupancy, where shelters are registered and beds counted (so
   *     that a circuit breaker the gateway opened under load cannot hide the counts)
   * @param transportUrl transport, where drivers are registered
   */
  Seeding(SafeBedClient client, String occupancyUrl, String transportUrl) {
    this.client = client;
    this.occupancyUrl = occupancyUrl;
    this.transportUrl = transportUrl;
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

  /**
   * Registers on-duty, vetted drivers who may escort minors, for accounts nobody signs in with
   * ({@code bench-driver-<n>}); answers how many were registered.
   */
  int registerDrivers(int count) throws Exception {
    int first = driverCount;
    driverCount += count;
    return createAll(count, n -> {
      int i = first + n;
      return registerDriver("bench-driver-" + i, 48.80 + (i % 20) * 0.01, 2.20 + (i / 20 % 20) * 0.01);
    });
  }

  /**
   * Registers the drivers of the load-test driver accounts ({@code load-driver-1..count}) right at
   * the open model's pick-up points, so that they are the nearest there and are offered jobs.
   */
  int registerLoadTestDrivers(int count) throws Exception {
    return createAll(count, n -> registerDriver(DriverFlows.PREFIX + (n + 1),
        PlacementMix.pickupLat(n), PlacementMix.pickupLon(n)));
  }

  private SafeBedClient.Reply registerDriver(String account, double lat, double lon) {
    String body = """
        {"accountSubject": "%s", "vetted": true, "gender": "FEMALE", "languages": ["fr", "en"],
         "canEscortMinors": true, "base": {"lat": %s, "lon": %s}, "onDuty": true}"""
        .formatted(account, coordinate(lat), coordinate(lon));
    return client.post(transportUrl, COORDINATOR, "/api/transport/drivers", body);
  }

  /**
   * Jobs of earlier runs that no driver could take wait as UNASSIGNED and are offered to every
   * driver who becomes free, a new one first of all: registers drivers until none waits (or
   * {@code rounds} rounds of at most 200), so that drivers registered next are free for new
   * jobs. Answers how many were registered.
   */
  int absorbUnassignedJobs(int rounds) throws Exception {
    int registered = 0;
    for (int round = 0; round < rounds; round++) {
      int waiting = unassignedJobsThatFindDrivers();
      if (waiting == 0) {
        break;
      }
      registered += registerDrivers(waiting);
    }
    return registered;
  }

  /** UNASSIGNED jobs a new driver would be offered (at most 200: the list's page). */
  int unassignedJobsThatFindDrivers() {
    SafeBedClient.Reply jobs = client.get(transportUrl, COORDINATOR, "/api/transport/jobs?status=UNASSIGNED");
    if (jobs.status() != 200) {
      throw new IllegalStateException("listing unassigned jobs: HTTP " + jobs.status());
    }
    int count = 0;
    for (var job : jobs.json()) {
      if (!"UNKNOWN_PICKUP_AREA".equals(job.path("unassignedReason").asString(""))) {
        count++;
      }
    }
    return count;
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
      return registerShelter(prefix + " " + i, 48.62 + (i % 15) * 0.01, 2.00 + (i / 15 % 20) * 0.01, i + 1,
          ANYONE, BEDS_PER_SHELTER);
    });
    return created * BEDS_PER_SHELTER;
  }

  /**
   * Registers open shelters at random places over mainland France and Belgium (the same places for
   * the same seed), most for anyone up to 25, one in five for boys only and one in seven for adults
   * only, as shelters specialise; answers how many beds they have together.
   */
  int registerSpreadShelters(String prefix, int shelters, int bedsPerShelter, long seed) throws Exception {
    java.util.Random random = new java.util.Random(seed);
    double[] lats = new double[shelters];
    double[] lons = new double[shelters];
    for (int n = 0; n < shelters; n++) {
      lats[n] = SPREAD_SOUTH + random.nextDouble() * (SPREAD_NORTH - SPREAD_SOUTH);
      lons[n] = SPREAD_WEST + random.nextDouble() * (SPREAD_EAST - SPREAD_WEST);
    }
    int first = shelterCount;
    shelterCount += shelters;
    int created = createAll(shelters, n -> {
      int i = first + n;
      String eligibility = i % 5 == 0 ? BOYS : i % 7 == 0 ? ADULTS : ANYONE;
      return registerShelter(prefix + " " + i, lats[n], lons[n], i + 1, eligibility, bedsPerShelter);
    });
    return created * bedsPerShelter;
  }

  /** Mainland France and Belgium, roughly: where the spread shelters and pick-up points are. */
  static final double SPREAD_SOUTH = 43.4;
  static final double SPREAD_NORTH = 51.0;
  static final double SPREAD_WEST = -1.2;
  static final double SPREAD_EAST = 6.0;

  private static final String ANYONE = """
      {"minAge": 0, "maxAge": 25, "genders": ["FEMALE", "MALE", "NON_BINARY"]}""";
  private static final String BOYS = """
      {"minAge": 0, "maxAge": 25, "genders": ["MALE"]}""";
  private static final String ADULTS = """
      {"minAge": 18, "maxAge": 25, "genders": ["FEMALE", "MALE", "NON_BINARY"]}""";

  private SafeBedClient.Reply registerShelter(String codeName, double lat, double lon, int street, String eligibility,
      int beds) {
    String body = """
        {"codeName": "%s", "region": "bench", "location": {"lat": %s, "lon": %s},
         "address": "%d Allee Inventee du Banc, Synthville", "eligibility": %s, "bedCount": %d}"""
        .formatted(codeName, coordinate(lat), coordinate(lon), street, eligibility, beds);
    return client.post(occupancyUrl, COORDINATOR, "/api/shelters", body);
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
