package org.safebed.occupancy.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.BedMatching;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.Eligibility;
import org.safebed.occupancy.domain.ExclusionZone;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoCell;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Need;
import org.safebed.occupancy.domain.Person;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterStatus;
import org.safebed.occupancy.domain.Specialism;
import org.safebed.occupancy.domain.Urgency;
import org.safebed.platform.testing.SafeBedServiceTest;
import org.safebed.platform.web.sealing.FieldSealer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a unit test: loads 10,000 shelters and 100,000 beds (synthetic, seeded) into the
 * wire-protocol MongoDB and measures matching a placement request end to end (search, locations
 * opened and audited, the bed hold, the placement stored) at that size. Run it with
 *
 * <pre>./mvnw -o -q -f services/shelter-occupancy-service/pom.xml verify -Pbenchmark</pre>
 *
 * and {@code -Dbenchmark.shelters=...} / {@code -Dbenchmark.requests=...} to change the size. It
 * prints p50/p90/p99 and writes them to {@code target/matching-benchmark.txt}.
 */
@SafeBedServiceTest
@TestPropertySource(properties = {
    "spring.config.name=shelter-occupancy-service",
    "safebed.occupancy.expiry-sweep-interval=1h",
    "safebed.occupancy.reconcile-interval=1h",
    "safebed.occupancy.waitlist-interval=1h",
    "safebed.occupancy.escalation-interval=1h",
    // Measures matching itself: no transport service answers, so no estimates are waited for.
    "safebed.occupancy.travel-estimates.base-url=http://127.0.0.1:1",
    "safebed.occupancy.service-credentials.token-uri=http://127.0.0.1:1/oauth2/token",
})
class MatchingBenchmark {

  private static final int SHELTERS = Integer.getInteger("benchmark.shelters", 10_000);
  private static final int BEDS_PER_SHELTER = 10;
  private static final int REQUESTS = Integer.getInteger("benchmark.requests", 300);
  private static final int WARM_UP = 30;
  private static final Random RANDOM = new Random(20261122);

  @Autowired MongoTemplate mongo;
  @Autowired BedMatching matching;
  @Autowired PlacementRepository placements;
  @Autowired BedRepository beds;
  @Autowired FieldSealer sealer;

  private static final List<Eligibility> PROFILES = List.of(
      new Eligibility(12, 17, Set.of(Gender.FEMALE), false, false, Set.of("fr", "en"), Set.of()),
      new Eligibility(12, 17, Set.of(Gender.FEMALE, Gender.MALE, Gender.NON_BINARY), false, true, Set.of("fr"),
          Set.of(Specialism.TRAFFICKING)),
      new Eligibility(16, 21, Set.of(Gender.FEMALE, Gender.NON_BINARY), true, false, Set.of("fr", "ro"),
          Set.of(Specialism.PREGNANCY)),
      new Eligibility(18, 25, Set.of(Gender.FEMALE), false, false, Set.of("fr", "ar"), Set.of(Specialism.ADDICTION)),
      new Eligibility(12, 21, Set.of(Gender.MALE), false, true, Set.of("fr", "en"), Set.of(Specialism.MENTAL_HEALTH)));

  @Test
  void matchingAtTenThousandSheltersAndAHundredThousandBeds() throws Exception {
    long loadStart = System.nanoTime();
    load();
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

    for (int i = 0; i < WARM_UP; i++) {
      matchOnce();
    }
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      results.add(matchOnce());
    }
    int held = (int) results.stream().filter(Result::held).count();
    List<Double> sorted = results.stream().map(Result::millis).sorted().toList();
    List<Integer> located = results.stream().map(Result::located).sorted().toList();
    String slowest = results.stream().sorted(java.util.Comparator.comparingDouble(Result::millis).reversed()).limit(5)
        .map(r -> String.format("%.0f ms/%d located/%s", r.millis(), r.located(), r.held() ? "held" : "waitlisted"))
        .toList().toString();
    String report = String.format(
        "Matching benchmark: %d shelters, %d beds (loaded in %.1f s), %d requests (after %d warm-up), %d held%n"
            + "  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n"
            + "  bed held: p50 %.1f ms, p99 %.1f ms; no bed within reach (whole radius searched): p50 %.1f ms, max %.1f ms%n"
            + "  shelters located (sealed location opened, audited) per request: p50 %d, p99 %d; slowest %s%n",
        SHELTERS, SHELTERS * BEDS_PER_SHELTER, loadSeconds, REQUESTS, WARM_UP, held,
        percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.getLast(),
        percentile(millisWhere(results, true), 50), percentile(millisWhere(results, true), 99),
        percentile(millisWhere(results, false), 50), millisWhere(results, false).getLast(),
        located.get(located.size() / 2), located.get((int) Math.ceil(0.99 * located.size()) - 1), slowest);
    System.out.print(report);
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "matching-benchmark.txt"), report);
    assertThat(held).as("most requests find a bed in this data set").isGreaterThan(REQUESTS / 2);
  }

  private record Result(double millis, boolean held, int located) {}

  private static List<Double> millisWhere(List<Result> results, boolean held) {
    List<Double> millis = results.stream().filter(r -> r.held() == held).map(Result::millis).sorted().toList();
    return millis.isEmpty() ? List.of(0.0) : millis;
  }

  /** One police request matched end to end; the bed is given back so the data set stays as loaded. */
  private Result matchOnce() {
    GeoPoint where = randomPoint();
    int age = 12 + RANDOM.nextInt(10);
    Gender gender = RANDOM.nextInt(6) == 0 ? Gender.MALE : Gender.FEMALE;
    Set<Need> needs = RANDOM.nextInt(8) == 0 ? Set.of(Need.WHEELCHAIR_ACCESS) : Set.of();
    List<ExclusionZone> zones = RANDOM.nextInt(4) == 0
        ? List.of(new ExclusionZone(new GeoPoint(where.lat() + 0.05, where.lon() + 0.05), 10)) : List.of();
    Integer maxTravel = RANDOM.nextInt(5) == 0 ? 90 : null;
    PlacementRequest request = new PlacementRequest(new Person(age, gender), needs, where, zones, Set.of(), Set.of(),
        Set.of(), maxTravel, Urgency.NORMAL, null);
    String id = UUID.randomUUID().toString();
    Placement placement = Placement.requested(id, "bench-police", request, "sealed", "token-" + id, id, "fp",
        Instant.now());
    long start = System.nanoTime();
    placements.insert(placement);
    Placement matched = matching.match(placement, true);
    double millis = (System.nanoTime() - start) / 1e6;
    if (matched.status() == PlacementStatus.HELD) {
      beds.release(matched.hold().bedId(), id, Instant.now());
    }
    int located = matched.matchReasons().stream().filter(r -> r.startsWith("RANK: "))
        .mapToInt(r -> Integer.parseInt(r.replaceAll(".* of (\\d+) .*", "$1"))).findFirst().orElse(0);
    return new Result(millis, matched.status() == PlacementStatus.HELD, located);
  }

  /** Shelters (with their search copies by cell) and beds, written in bulk. */
  private void load() {
    List<Document> shelterDocs = new ArrayList<>();
    Map<String, Document> cells = new HashMap<>();
    List<Document> bedDocs = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < SHELTERS; i++) {
      String id = "bench-" + i;
      GeoPoint exact = randomPoint();
      Shelter shelter = new Shelter(id, "Bench " + i, "region-" + (i % 12),
          RANDOM.nextInt(20) == 0 ? ShelterStatus.CLOSED : ShelterStatus.OPEN,
          PROFILES.get(RANDOM.nextInt(PROFILES.size())), exact.roundedTo(Shelter.AREA_STEP_DEGREES),
          sealer.seal(exact.lat() + "," + exact.lon(), id, "location"),
          sealer.seal(i + " Rue Synthetique, Benchville", id, "address"),
          BEDS_PER_SHELTER, now.minus(Duration.ofHours(RANDOM.nextInt(48))));
      Document document = MongoShelters.toDocument(shelter);
      shelterDocs.add(new Document(document).append("bedsComplete", true));
      cells.computeIfAbsent(GeoCell.of(shelter.area()).key(), key -> new Document("_id", key).append("shelters", new Document()))
          .get("shelters", Document.class).append(id, document);
      for (int n = 1; n <= BEDS_PER_SHELTER; n++) {
        int roll = RANDOM.nextInt(100);
        String status = roll < 35 ? "AVAILABLE" : roll < 75 ? "OCCUPIED" : roll < 90 ? "HELD" : "OUT_OF_SERVICE";
        Document bed = new Document("_id", id + "-bed-" + n).append("shelterId", id).append("number", n)
            .append("status", status).append("since", java.util.Date.from(now));
        if (status.equals("OCCUPIED") || status.equals("HELD")) {
          bed.append("placementId", "bench-resident-" + i + "-" + n).append("caseToken", "bench-token-" + i + "-" + n);
        }
        bedDocs.add(bed);
      }
    }
    insertInBatches(MongoShelters.COLLECTION, shelterDocs);
    insertInBatches(MongoShelters.CELLS, new ArrayList<>(cells.values()));
    insertInBatches(MongoBeds.COLLECTION, bedDocs);
  }

  private void insertInBatches(String collection, List<Document> documents) {
    for (int from = 0; from < documents.size(); from += 2000) {
      mongo.getCollection(collection).insertMany(documents.subList(from, Math.min(documents.size(), from + 2000)));
    }
  }

  /** Somewhere in a France-sized box. */
  private static GeoPoint randomPoint() {
    return new GeoPoint(43 + RANDOM.nextDouble() * 8, -1 + RANDOM.nextDouble() * 9);
  }

  private static double percentile(List<Double> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
