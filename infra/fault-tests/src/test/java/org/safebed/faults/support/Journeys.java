package org.safebed.faults.support;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;

/**
 * The journey the fault tests drive, as users drive it: police request a placement (a bed is held),
 * transport assigns a driver on its own, the shelter manager checks her in once the driver is
 * assigned; occupancy then tells transport (job complete) and rental referral (resident known). And
 * what each placement's journey left in the three services' databases.
 */
public final class Journeys {

  public static final String REQUEST = """
      {"policeCaseRef": "FT-%s", "person": {"ageYears": 14, "gender": "FEMALE"}, "needs": [],
       "location": {"lat": %s, "lon": %s}}""";

  private final FaultSuite suite;

  Journeys(FaultSuite suite) {
    this.suite = suite;
  }

  /** A police request with a fresh Idempotency-Key. */
  public Http.Reply request() {
    String body = REQUEST.formatted(UUID.randomUUID().toString().substring(0, 8), Fixture.PICKUP_LAT, Fixture.PICKUP_LON);
    return suite.http().api(FaultSuite.POLICE, "POST", "/api/placements", body,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }

  /** A police request that must hold a bed; its placement id. */
  public String requestHeld() {
    Http.Reply reply = request();
    if (reply.status() != 201) {
      throw new AssertionError("placement request answered " + reply.status() + ": " + reply.body());
    }
    return reply.json().get("id").asString();
  }

  public Http.Reply checkIn(String placementId) {
    return suite.http().api(FaultSuite.MANAGER, "POST", "/api/placements/" + placementId + "/check-in", null);
  }

  /**
   * Checks in, as the shelter manager, every placement of {@code placementIds} whose driver is
   * assigned, until all are checked in or {@code atMost} passed. Every reply is kept.
   */
  public final class CheckIns implements Runnable {
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final List<Http.Reply> replies = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    public void add(String placementId) {
      waiting.add(placementId);
    }

    public List<Http.Reply> replies() {
      return List.copyOf(replies);
    }

    public void stop() {
      stopped = true;
    }

    public boolean done() {
      return waiting.isEmpty();
    }

    @Override
    public void run() {
      while (!stopped) {
        if (!waiting.isEmpty()) {
          for (String id : assigned(new ArrayList<>(waiting))) {
            Http.Reply reply = checkIn(id);
            replies.add(reply);
            if (reply.status() == 200) {
              waiting.remove(id);
            }
          }
        }
        FaultSuite.sleep(Duration.ofMillis(200));
      }
    }

    public Thread start() {
      return Thread.ofPlatform().daemon().name("fault-check-ins").start(this);
    }
  }

  public CheckIns checkIns() {
    return new CheckIns();
  }

  /**
   * The rest of a journey whose bed is held: the driver transport chose (one of the demo driver
   * accounts, based nearest) accepts, sees the address, picks her up and delivers her; her
   * shelter's manager checks her in; then every service must show the journey complete.
   */
  public void completeWithDriver(String placementId) {
    await().atMost(Duration.ofSeconds(45)).until(() -> "ASSIGNED".equals(transportStatus(placementId)));
    Document job = job(placementId);
    String driver = job.getString("driverSubject");
    assertThat(FaultSuite.DRIVER_ACCOUNTS).as("the nearest drivers can log in").contains(driver);
    String jobPath = "/api/transport/jobs/" + job.getString("_id");
    Http http = suite.http();

    assertThat(http.api(driver, "POST", jobPath + "/accept", null).status()).isEqualTo(200);
    Http.Reply destination = http.api(driver, "GET", jobPath + "/destination", null);
    assertThat(destination.status()).as(destination.body()).isEqualTo(200);
    assertThat(destination.json().get("address").asString()).isNotBlank();
    assertThat(http.api(driver, "POST", jobPath + "/pick-up", null).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> "PICKED_UP".equals(transportStatus(placementId)));
    assertThat(http.api(driver, "POST", jobPath + "/deliver", null).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(transportStatus(placementId)));
    assertThat(checkIn(placementId).status()).isEqualTo(200);

    awaitComplete(List.of(placementId), Duration.ofSeconds(30));
    Signature end = signatures(List.of(placementId)).get(placementId);
    assertThat(end.transportStatus()).isEqualTo("DELIVERED");
    assertThat(end.jobStatus()).isEqualTo("COMPLETED");
    assertThat(end.residentStatus()).isEqualTo("CHECKED_IN");
  }

  /** Occupancy's record of the placement's transport. */
  public String transportStatus(String placementId) {
    Document placement = suite.db().occupancy().getCollection("placements").find(eq("_id", placementId)).first();
    return placement == null ? null : placement.get("transport", Document.class).getString("status");
  }

  /** Transport's job for the placement (its id derives from the placement's). */
  public Document job(String placementId) {
    return suite.db().transport().getCollection("transport_jobs").find(eq("_id", "job-" + placementId)).first();
  }

  /** Placements among these that are HELD with a driver assigned. */
  public List<String> assigned(Collection<String> placementIds) {
    List<String> ready = new ArrayList<>();
    for (Document d : suite.db().occupancy().getCollection("placements").find(in("_id", List.copyOf(placementIds)))) {
      Document transport = d.get("transport", Document.class);
      if ("HELD".equals(d.getString("status")) && transport != null && "ASSIGNED".equals(transport.getString("status"))) {
        ready.add(d.getString("_id"));
      }
    }
    return ready;
  }

  /** Runs whole journeys for {@code count} new placements and waits until all are complete. */
  public List<String> runToCompletion(int count, Duration atMost) {
    CheckIns checkIns = checkIns();
    Thread thread = checkIns.start();
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        String id = requestHeld();
        ids.add(id);
        checkIns.add(id);
      }
      awaitComplete(ids, atMost);
      return ids;
    } finally {
      checkIns.stop();
      thread.interrupt();
    }
  }

  public void awaitComplete(Collection<String> ids, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (true) {
      Map<String, Signature> now = signatures(ids);
      if (now.values().stream().allMatch(Signature::complete)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        Map<Signature, Long> byState = new HashMap<>();
        now.values().forEach(s -> byState.merge(s, 1L, Long::sum));
        throw new AssertionError("journeys not complete within " + atMost + ": " + byState);
      }
      FaultSuite.sleep(Duration.ofMillis(300));
    }
  }

  /**
   * What one placement's journey left behind, across the three databases.
   *
   * @param placementStatus and the rest of occupancy's record of it
   * @param placementWrites the placement document's version: how many changes it went through
   * @param bedsHers beds whose holder is this placement (one, or none once she left)
   * @param jobs transport jobs for this placement (exactly one: the job id derives from it)
   * @param driversClaimed drivers still bound to her job
   * @param residentStatus rental referral's record of her, null if none
   */
  public record Signature(
      String placementStatus,
      String transportStatus,
      long placementWrites,
      int placementPending,
      int bedsHers,
      String bedStatus,
      int jobs,
      String jobStatus,
      int jobPending,
      int driversClaimed,
      String residentStatus) {

    /** The end of the journey the tests drive: checked in, job complete, resident known, all published. */
    public boolean complete() {
      return "CHECKED_IN".equals(placementStatus) && placementPending == 0 && bedsHers == 1
          && jobs == 1 && "COMPLETED".equals(jobStatus) && jobPending == 0 && driversClaimed == 0
          && "CHECKED_IN".equals(residentStatus);
    }
  }

  /** The signatures of these placements, read in five queries. */
  public Map<String, Signature> signatures(Collection<String> placementIds) {
    List<String> ids = List.copyOf(placementIds);
    Map<String, Document> placements = new HashMap<>();
    suite.db().occupancy().getCollection("placements").find(in("_id", ids))
        .forEach(d -> placements.put(d.getString("_id"), d));
    Map<String, List<Document>> beds = new HashMap<>();
    suite.db().occupancy().getCollection("beds").find(in("placementId", ids))
        .forEach(d -> beds.computeIfAbsent(d.getString("placementId"), k -> new ArrayList<>()).add(d));
    Map<String, List<Document>> jobs = new HashMap<>();
    suite.db().transport().getCollection("transport_jobs").find(in("placementId", ids))
        .forEach(d -> jobs.computeIfAbsent(d.getString("placementId"), k -> new ArrayList<>()).add(d));
    List<String> jobIds = jobs.values().stream().flatMap(List::stream).map(d -> d.getString("_id")).toList();
    Map<String, Integer> claims = new HashMap<>();
    suite.db().transport().getCollection("drivers").find(in("currentJobId", jobIds))
        .forEach(d -> claims.merge(d.getString("currentJobId"), 1, Integer::sum));
    Map<String, Document> residents = new HashMap<>();
    suite.db().referral().getCollection("residents").find(in("_id", ids))
        .forEach(d -> residents.put(d.getString("_id"), d));

    Map<String, Signature> signatures = new LinkedHashMap<>();
    for (String id : ids) {
      Document p = placements.get(id);
      Document transport = p == null ? null : p.get("transport", Document.class);
      List<Document> herBeds = beds.getOrDefault(id, List.of());
      List<Document> herJobs = jobs.getOrDefault(id, List.of());
      Document job = herJobs.isEmpty() ? null : herJobs.get(0);
      Document resident = residents.get(id);
      signatures.put(id, new Signature(
          p == null ? null : p.getString("status"),
          transport == null ? null : transport.getString("status"),
          p == null ? -1 : ((Number) p.get("version")).longValue(),
          pending(p),
          herBeds.size(),
          herBeds.isEmpty() ? null : herBeds.get(0).getString("status"),
          herJobs.size(),
          job == null ? null : job.getString("status"),
          pending(job),
          job == null ? 0 : claims.getOrDefault(job.getString("_id"), 0),
          resident == null ? null : resident.getString("status")));
    }
    return signatures;
  }

  private static int pending(Document document) {
    if (document == null) {
      return 0;
    }
    List<?> pending = document.getList("pendingEvents", Object.class);
    return pending == null ? 0 : pending.size();
  }
}
