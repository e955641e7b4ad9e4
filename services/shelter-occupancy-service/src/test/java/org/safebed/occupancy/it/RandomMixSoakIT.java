package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.HoldExpiry;
import org.safebed.occupancy.application.Waitlist;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A random mix of everything that moves beds, from several threads at once, for a while (60 s by
 * default; {@code -Doccupancy.soak.seconds=600} for longer): requests, cancellations, expiries (a
 * hold's end moved into the past, then the sweep, as a short hold time would do), check-ins, no-shows,
 * check-outs, residents missing and back, beds out of service and back, beds added and retired,
 * shelters closed and reopened, capacity confirmed. A checker reads the database all the while and
 * fails on any of:
 *
 * <ul>
 *   <li>a placement with more than one bed;
 *   <li>a placement with a person in a bed (held, checked in, missing) whose bed is not taken by it,
 *       or two such placements on one bed;
 *   <li>a shelter with more such placements, or more held + occupied beds, than beds in service;
 *   <li>any 5xx answer.
 * </ul>
 *
 * Reads of several documents are not one snapshot, so a finding is confirmed by reading the
 * documents involved again before it counts (a real double booking stays; a torn read does not).
 */
class RandomMixSoakIT extends OccupancyIT {

  private static final Duration RUN = Duration.ofSeconds(Long.getLong("occupancy.soak.seconds", 60));
  private static final int WORKERS = 6;
  private static final Set<String> WITH_BED = Set.of("HELD", "CHECKED_IN", "RESIDENT_MISSING");
  private static final List<String> REASONS = List.of("LEFT_VOLUNTARILY", "MOVED_TO_RENTAL", "RETURNED_TO_FAMILY", "OTHER");

  @Autowired HoldExpiry holdExpiry;
  @Autowired Waitlist waitlist;

  private final List<String> shelters = new ArrayList<>();
  private final List<String> police = new ArrayList<>();
  private final List<String> placements = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicLong> done = new ConcurrentHashMap<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private GeoPoint area;

  @Test
  void aRandomMixNeverDoubleBooksNorOverfillsAShelter() throws Exception {
    area = newArea();
    for (int i = 0; i < 4; i++) {
      shelters.add(minorGirlsShelter(offset(area, 0.05 * i, -0.04 * i), 4));
    }
    shelters.add(shelter(offset(area, -0.1, 0.1), eligibility(12, 21, "FEMALE", "MALE", "NON_BINARY"), 4));
    for (int i = 0; i < 36; i++) {
      police.add(unique("soak-police"));
    }

    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS + 2);
    Instant end = Instant.now().plus(RUN);
    for (int i = 0; i < WORKERS; i++) {
      workers.execute(() -> {
        while (running.get() && Instant.now().isBefore(end)) {
          try {
            randomAction();
          } catch (RuntimeException | AssertionError e) {
            violations.add("action failed: " + e);
          }
        }
      });
    }
    workers.execute(() -> {
      while (running.get() && Instant.now().isBefore(end)) {
        holdExpiry.sweep();
        sleep(500);
      }
    });
    int checks = 0;
    while (Instant.now().isBefore(end) && violations.isEmpty()) {
      check(false);
      checks++;
      sleep(250);
    }
    running.set(false);
    workers.shutdown();
    assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    // Quiet now: sweep, serve the waitlist once more, and check strictly (nothing is in flight).
    holdExpiry.sweep();
    waitlist.rematch();
    check(true);
    System.out.printf("Soak %s: %d checks, actions %s, placements %d%n", RUN, checks, new TreeMap<>(counts()),
        placements.size());
    assertThat(violations).as("invariant violations").isEmpty();
    assertThat(counts()).as("every kind of action happened").containsKeys(
        "request-201", "request-202", "cancel-200", "expire", "check-in-200", "no-show-200", "check-out-200", "missing-200",
        "returned-200", "out-of-service-200", "back-in-service-200", "add-beds-200", "retire-200", "close-200",
        "reopen-200", "confirm-200");
    cleanUp();
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new HashMap<>();
    done.forEach((k, v) -> counts.put(k, v.get()));
    return counts;
  }

  // ---- actions ----

  private void randomAction() {
    int roll = ThreadLocalRandom.current().nextInt(100);
    if (roll < 25) {
      request();
    } else if (roll < 35) {
      withStatus("cancel", List.of("HELD", "WAITLISTED"), id -> http.post("/api/placements/" + id + "/cancel", coordinator(), null));
    } else if (roll < 41) {
      expire();
    } else if (roll < 52) {
      asManager("check-in", List.of("HELD"), "/check-in", null);
    } else if (roll < 55) {
      asManager("no-show", List.of("HELD"), "/no-show", null);
    } else if (roll < 65) {
      asManager("check-out", List.of("CHECKED_IN", "RESIDENT_MISSING"), "/check-out",
          "{\"reason\":\"" + pick(REASONS) + "\"}");
    } else if (roll < 69) {
      asManager("missing", List.of("CHECKED_IN"), "/missing", null);
    } else if (roll < 73) {
      asManager("returned", List.of("RESIDENT_MISSING"), "/returned", null);
    } else if (roll < 83) {
      bedService();
    } else if (roll < 86) {
      addBeds();
    } else if (roll < 89) {
      retire();
    } else if (roll < 95) {
      closeOrReopen();
    } else {
      String shelter = pick(shelters);
      record("confirm", http.post("/api/shelters/" + shelter + "/capacity-check", manager(shelter), null));
    }
  }

  private void request() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String gender = random.nextInt(10) == 0 ? "MALE" : "FEMALE";
    Map<String, Object> body = placementBody(random.nextInt(13, 21), gender,
        offset(area, random.nextDouble(-0.05, 0.05), random.nextDouble(-0.05, 0.05)), new ArrayList<>());
    ServiceHttp.Response response = requestPlacement(TestTokens.police(pick(police)), body);
    record("request", response);
    if (response.status() == 201 || response.status() == 202) {
      placements.add(id(response));
    }
  }

  private void expire() {
    String id = someWithStatus(List.of("HELD"));
    if (id == null) {
      return;
    }
    // What a short hold time does: this hold's end is now, and the sweep ends it.
    long changed = mongo.getCollection("placements").updateOne(new Document("_id", id).append("status", "HELD"),
        new Document("$set", new Document("hold.expiresAt", Date.from(Instant.now().minusSeconds(1)))))
        .getModifiedCount();
    if (changed > 0) {
      holdExpiry.sweep();
      done.computeIfAbsent("expire", k -> new AtomicLong()).incrementAndGet();
    }
  }

  /** One of this run's placements that is in one of these states now, or null. */
  private String someWithStatus(List<String> statuses) {
    List<Document> found = mongo.getCollection("placements")
        .find(new Document("requestedBy", new Document("$in", police)).append("status", new Document("$in", statuses)))
        .projection(new Document("_id", 1)).into(new ArrayList<>());
    return found.isEmpty() ? null : pick(found).getString("_id");
  }

  private void asManager(String action, List<String> statuses, String suffix, String body) {
    withStatus(action, statuses, id -> {
      Document hold = placementDocument(id).get("hold", Document.class);
      String shelter = hold == null ? pick(shelters) : hold.getString("shelterId");
      return http.post("/api/placements/" + id + suffix, manager(shelter), body);
    });
  }

  private void withStatus(String action, List<String> statuses, java.util.function.Function<String, ServiceHttp.Response> call) {
    String id = someWithStatus(statuses);
    if (id != null) {
      record(action, call.apply(id));
    }
  }

  private void bedService() {
    String shelter = pick(shelters);
    boolean backInService = ThreadLocalRandom.current().nextBoolean();
    List<Document> candidates = bedsOfShelter(shelter).stream()
        .filter(bed -> bed.getString("status").equals(backInService ? "OUT_OF_SERVICE" : "AVAILABLE"))
        .toList();
    if (candidates.isEmpty()) {
      return;
    }
    Document bed = pick(candidates);
    record(backInService ? "back-in-service" : "out-of-service",
        http.put("/api/shelters/" + shelter + "/beds/" + bed.getString("_id") + "/service-status", manager(shelter),
            backInService ? "{\"inService\":true}" : "{\"inService\":false,\"reason\":\"CLEANING\"}"));
  }

  private void addBeds() {
    String shelter = pick(shelters);
    if (bedsOfShelter(shelter).size() < 7) {
      record("add-beds", http.post("/api/shelters/" + shelter + "/beds", manager(shelter), "{\"count\":1}"));
    }
  }

  private void retire() {
    String shelter = pick(shelters);
    List<Document> beds = bedsOfShelter(shelter);
    long usable = beds.stream().filter(bed -> !"RETIRED".equals(bed.getString("status"))).count();
    if (usable > 2) {
      Document bed = pick(beds);
      record("retire", http.post("/api/shelters/" + shelter + "/beds/" + bed.getString("_id") + "/retire",
          manager(shelter), null));
    }
  }

  private void closeOrReopen() {
    String shelter = pick(shelters);
    String status = mongo.getCollection("shelters").find(new Document("_id", shelter)).first().getString("status");
    boolean reopen = "CLOSED".equals(status);
    record(reopen ? "reopen" : "close", http.put("/api/shelters/" + shelter + "/status", manager(shelter),
        "{\"status\":\"" + (reopen ? "OPEN" : "CLOSED") + "\"}"));
  }

  private void record(String action, ServiceHttp.Response response) {
    done.computeIfAbsent(action + "-" + response.status(), k -> new AtomicLong()).incrementAndGet();
    if (response.status() >= 500) {
      violations.add(action + " answered " + response.status() + ": " + response.body());
    }
  }

  // ---- the checker ----

  private void check(boolean quiet) {
    List<Document> beds = mongo.getCollection("beds").find(new Document("shelterId", new Document("$in", shelters)))
        .into(new ArrayList<>());
    List<Document> active = mongo.getCollection("placements").find(new Document("hold.shelterId",
        new Document("$in", shelters)).append("status", new Document("$in", List.copyOf(WITH_BED))))
        .into(new ArrayList<>());

    Map<String, Integer> bedsPerPlacement = new HashMap<>();
    Map<String, Integer> inService = new HashMap<>();
    Map<String, Integer> heldOrOccupied = new HashMap<>();
    Map<String, Document> bedById = new HashMap<>();
    for (Document bed : beds) {
      bedById.put(bed.getString("_id"), bed);
      String status = bed.getString("status");
      String shelter = bed.getString("shelterId");
      if (bed.getString("placementId") != null) {
        bedsPerPlacement.merge(bed.getString("placementId"), 1, Integer::sum);
      }
      if (Set.of("AVAILABLE", "HELD", "OCCUPIED").contains(status)) {
        inService.merge(shelter, 1, Integer::sum);
      }
      if (Set.of("HELD", "OCCUPIED").contains(status)) {
        heldOrOccupied.merge(shelter, 1, Integer::sum);
      }
    }
    bedsPerPlacement.forEach((placement, count) -> {
      if (count > 1 && mongo.getCollection("beds").countDocuments(new Document("placementId", placement)) > 1) {
        violations.add("placement " + placement + " holds " + count + " beds");
      }
    });
    heldOrOccupied.forEach((shelter, count) -> {
      if (count > inService.getOrDefault(shelter, 0)) {
        violations.add("shelter " + shelter + ": held + occupied " + count + " > in service " + inService.get(shelter));
      }
    });

    Map<String, List<Document>> byBed = new HashMap<>();
    Map<String, List<Document>> perShelter = new HashMap<>();
    for (Document placement : active) {
      Document hold = placement.get("hold", Document.class);
      String id = placement.getString("_id");
      byBed.computeIfAbsent(hold.getString("bedId"), b -> new ArrayList<>()).add(placement);
      perShelter.computeIfAbsent(hold.getString("shelterId"), s -> new ArrayList<>()).add(placement);
      Document bed = bedById.get(hold.getString("bedId"));
      if (!takenBy(bed, id)) {
        Document fresh = mongo.getCollection("beds").find(new Document("_id", hold.getString("bedId"))).first();
        if (!takenBy(fresh, id) && stillTheSame(placement)) {
          violations.add("placement " + id + " (" + placement.getString("status") + ") is not in its bed "
              + hold.getString("bedId"));
        }
      }
    }
    byBed.forEach((bed, holders) -> {
      if (holders.size() > 1 && holders.stream().filter(this::stillTheSame).count() > 1) {
        violations.add("bed " + bed + " belongs to " + holders.stream().map(d -> d.getString("_id")).toList());
      }
    });
    perShelter.forEach((shelter, holders) -> {
      if (holders.size() > inService.getOrDefault(shelter, 0)) {
        long confirmed = holders.stream().filter(this::stillTheSame).count();
        long nowInService = mongo.getCollection("beds").countDocuments(new Document("shelterId", shelter)
            .append("status", new Document("$in", List.of("AVAILABLE", "HELD", "OCCUPIED"))));
        if (confirmed > nowInService) {
          violations.add("shelter " + shelter + ": " + confirmed + " placements with a bed > " + nowInService + " in service");
        }
      }
    });
    if (quiet) {
      for (Document bed : beds) {
        String holder = bed.getString("placementId");
        if (holder != null) {
          Document placement = placementDocument(holder);
          boolean owned = placement != null && WITH_BED.contains(placement.getString("status"))
              && bed.getString("_id").equals(placement.get("hold", Document.class).getString("bedId"));
          if (!owned) {
            violations.add("bed " + bed.getString("_id") + " is " + bed.getString("status") + " for " + holder
                + " which does not have it");
          }
        }
      }
    }
  }

  private static boolean takenBy(Document bed, String placementId) {
    return bed != null && placementId.equals(bed.getString("placementId"))
        && Set.of("HELD", "OCCUPIED").contains(bed.getString("status"));
  }

  /**
   * Whether the placement, read again now, still has a bed and is unchanged since it was first read:
   * then it had that bed all the time in between (it takes its bed before it is stored with one, and
   * is stored without one before it gives its bed back), so what was read meanwhile is a real state.
   */
  private boolean stillTheSame(Document earlier) {
    Document now = placementDocument(earlier.getString("_id"));
    return now != null && WITH_BED.contains(now.getString("status"))
        && ((Number) now.get("version")).longValue() == ((Number) earlier.get("version")).longValue();
  }

  private void cleanUp() {
    for (String id : placements) {
      String status = statusOf(id);
      if (Set.of("PENDING", "HELD", "WAITLISTED").contains(status)) {
        http.post("/api/placements/" + id + "/cancel", coordinator(), null);
      }
    }
  }

  private static <T> T pick(List<T> values) {
    return values.get(ThreadLocalRandom.current().nextInt(values.size()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
