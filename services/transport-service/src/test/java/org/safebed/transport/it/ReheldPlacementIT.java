package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A placement whose hold ended and that was held again (same placement, a new bed-held event) gets
 * a fresh job; copies of one bed-held event make one job; never two live jobs for one placement.
 * Event times are set explicitly: that is how transport tells a new hold from a late old one.
 */
class ReheldPlacementIT extends TransportScenario {

  private final Instant start = Instant.now().minusSeconds(600);

  @Test
  void aPlacementHeldAgainAfterItsHoldExpiredGetsAFreshJob() {
    String driver = driver("drv-reheld-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    String firstHold = hold(placement, "shelter-alpha", start);
    awaitJob(placement, "OFFERED");
    placementEventAt("placement.hold-expired.v1", placement, start.plusSeconds(60));
    awaitJob(placement, "CANCELLED");
    assertThat(driverDocument(driver).getString("currentJobId")).isNull();

    String secondHold = hold(placement, "shelter-beta", start.plusSeconds(120));

    JsonNode fresh = awaitLiveJob(placement, "OFFERED");
    assertThat(fresh.path("id").asString()).isNotEqualTo(jobId(placement)).startsWith(jobId(placement) + "-");
    assertThat(fresh.path("driverId").asString()).isEqualTo(accountOf(driver));
    assertThat(driverDocument(driver).getString("currentJobId")).isEqualTo(fresh.path("id").asString());
    assertThat(awaitJob(placement, "CANCELLED").path("id").asString()).as("the old job stays as it ended")
        .isEqualTo(jobId(placement));
    JsonNode assigned = broker.await(
        "transport.assigned.v1", placement, e -> e.path("data").path("jobId").asString().equals(fresh.path("id").asString()));
    assertThat(assigned.path("aggregateId").asString()).isEqualTo(fresh.path("id").asString());
    assertThat(firstHold).isNotEqualTo(secondHold);
  }

  @Test
  void copiesOfTheSameBedHeldStillMakeOneJob() {
    driver("drv-copies-" + suffix(), 48.87, 2.36, true);
    driver("drv-copies2-" + suffix(), 48.88, 2.37, true);
    String placement = newPlacementId();
    hold(placement, "shelter-alpha", start);
    // The expiry must not overtake the hold it ends (two publishes may take different channels).
    awaitLiveJob(placement, "OFFERED");
    placementEventAt("placement.hold-expired.v1", placement, start.plusSeconds(60));
    awaitJob(placement, "CANCELLED");
    String secondHold = hold(placement, "shelter-beta", start.plusSeconds(120));
    awaitLiveJob(placement, "OFFERED");

    holdAgain(placement, "shelter-beta", start.plusSeconds(120), secondHold);
    holdAgain(placement, "shelter-beta", start.plusSeconds(120), secondHold);

    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofSeconds(2))).hasSize(2);
    assertThat(jobsOf(placement)).hasSize(2);
    assertThat(liveJobsOf(placement)).hasSize(1);
  }

  @Test
  void aLateCopyOfTheFirstHoldChangesNothingOnceThePlacementWasHeldAgain() {
    driver("drv-late-copy-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    String firstHold = hold(placement, "shelter-alpha", start);
    // The expiry must not overtake the hold it ends (two publishes may take different channels).
    awaitLiveJob(placement, "OFFERED");
    placementEventAt("placement.hold-expired.v1", placement, start.plusSeconds(60));
    awaitJob(placement, "CANCELLED");
    hold(placement, "shelter-beta", start.plusSeconds(120));
    JsonNode fresh = awaitLiveJob(placement, "OFFERED");

    holdAgain(placement, "shelter-alpha", start, firstHold);
    hold(placement, "shelter-gamma", start.plusSeconds(30)); // never seen, but older than what is known

    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofSeconds(2))).hasSize(2);
    assertThat(jobsOf(placement)).hasSize(2);
    assertThat(awaitJobById(fresh.path("id").asString(), "OFFERED").path("driverId").asString())
        .isEqualTo(fresh.path("driverId").asString());
  }

  @Test
  void aNewHoldThatOvertakesTheEndOfTheOldOneReplacesTheLiveJobAndThatEndLeavesTheNewJobAlone() {
    String driver = driver("drv-overtaken-" + suffix(), 48.87, 2.36, true);
    String token = TestTokens.driver(accountOf(driver));
    String placement = newPlacementId();
    hold(placement, "shelter-alpha", start);
    awaitJob(placement, "OFFERED");
    http.post("/api/transport/jobs/" + jobId(placement) + "/accept", token);

    hold(placement, "shelter-beta", start.plusSeconds(120));

    JsonNode fresh = awaitLiveJob(placement, "OFFERED");
    assertThat(awaitJob(placement, "CANCELLED").path("id").asString()).isEqualTo(jobId(placement));
    assertThat(fresh.path("driverId").asString()).as("released by the old job, free for the new").isEqualTo(accountOf(driver));
    assertProblem(http.get("/api/transport/jobs/" + jobId(placement) + "/destination", token), 403);

    placementEventAt("placement.hold-expired.v1", placement, start.plusSeconds(60)); // the old hold's end, late

    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofSeconds(2))).hasSize(2);
    assertThat(awaitJobById(fresh.path("id").asString(), "OFFERED").path("driverId").asString()).isEqualTo(accountOf(driver));
    assertThat(liveJobsOf(placement)).hasSize(1);
  }

  @Test
  void theEndOfTheNewHoldEndsTheNewJob() {
    String driver = driver("drv-second-end-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    hold(placement, "shelter-alpha", start);
    placementEventAt("placement.cancelled.v1", placement, start.plusSeconds(60));
    awaitJob(placement, "CANCELLED");
    hold(placement, "shelter-beta", start.plusSeconds(120));
    String fresh = awaitLiveJob(placement, "OFFERED").path("id").asString();

    placementEventAt("placement.cancelled.v1", placement, start.plusSeconds(180));

    awaitJobById(fresh, "CANCELLED");
    assertThat(liveJobsOf(placement)).isEmpty();
    assertThat(driverDocument(driver).getString("currentJobId")).isNull();
  }

  @Test
  void theNewJobIsDrivenAndCompletedByTheCheckIn() {
    String driver = driver("drv-second-trip-" + suffix(), 48.87, 2.36, true);
    String token = TestTokens.driver(accountOf(driver));
    String placement = newPlacementId();
    hold(placement, "shelter-alpha", start);
    // The expiry must not overtake the hold it ends (two publishes may take different channels).
    awaitLiveJob(placement, "OFFERED");
    placementEventAt("placement.hold-expired.v1", placement, start.plusSeconds(60));
    awaitJob(placement, "CANCELLED");
    hold(placement, "shelter-beta", start.plusSeconds(120));
    String fresh = "/api/transport/jobs/" + awaitLiveJob(placement, "OFFERED").path("id").asString();
    http.post(fresh + "/accept", token);
    http.post(fresh + "/pick-up", token);
    assertThat(http.post(fresh + "/deliver", token).status()).isEqualTo(200);

    placementEventAt("placement.checked-in.v1", placement, start.plusSeconds(300));

    assertThat(awaitJobById(fresh.substring(fresh.lastIndexOf('/') + 1), "COMPLETED").path("placementId").asString())
        .isEqualTo(placement);
    assertThat(awaitJob(placement, "CANCELLED")).isNotNull();
  }

  @Test
  void anEndThatOvertakesTheNewHoldKeepsItFromStartingAJob() {
    driver("drv-ended-early-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    hold(placement, "shelter-alpha", start);
    // The expiry must not overtake the hold it ends (two publishes may take different channels).
    awaitLiveJob(placement, "OFFERED");
    placementEventAt("placement.hold-expired.v1", placement, start.plusSeconds(60));
    awaitJob(placement, "CANCELLED");

    placementEventAt("placement.cancelled.v1", placement, start.plusSeconds(180)); // the second hold's end
    // Two publishes may take different channels, whose order the broker does not keep: let the end
    // be recorded before its hold's start is sent, so the test is about overtaking, not about that.
    await().atMost(Duration.ofSeconds(10)).until(() -> start.plusSeconds(180).truncatedTo(ChronoUnit.MILLIS).equals(endRecordedFor(placement)));
    hold(placement, "shelter-beta", start.plusSeconds(120)); // ... overtook its start

    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofSeconds(2))).hasSize(1);
    assertThat(liveJobsOf(placement)).isEmpty();
  }

  @Test
  void aPlacementHeldAgainAfterAnEndThatOvertookItsFirstHoldGetsAJob() {
    String driver = driver("drv-tombstone-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    placementEventAt("placement.hold-expired.v1", placement, start.plusSeconds(60));
    awaitJob(placement, "CANCELLED");
    hold(placement, "shelter-alpha", start); // the first hold, late: nothing

    hold(placement, "shelter-beta", start.plusSeconds(120));

    JsonNode fresh = awaitLiveJob(placement, "OFFERED");
    assertThat(fresh.path("driverId").asString()).isEqualTo(accountOf(driver));
    assertThat(jobsOf(placement)).hasSize(2);
  }

  /** Publishes a new bed-held of the placement, made at {@code heldAt}; returns its event id. */
  private String hold(String placement, String shelterId, Instant heldAt) {
    String eventId = UUID.randomUUID().toString();
    holdAgain(placement, shelterId, heldAt, eventId);
    return eventId;
  }

  /** Publishes (again) the bed-held {@code eventId}. */
  private void holdAgain(String placement, String shelterId, Instant heldAt, String eventId) {
    Map<String, Object> data = bedHeldData(placement, true);
    data.put("shelterId", shelterId);
    data.put("holdExpiresAt", heldAt.plus(Duration.ofHours(1)).toString());
    broker.publish("placement.bed-held.v1", placement, data, eventId, heldAt);
  }

  private void placementEventAt(String type, String placement, Instant at) {
    broker.publish(type, placement, Map.of("placementId", placement), UUID.randomUUID().toString(), at);
  }

  /** The placement's one live job, once it has reached the status. */
  private JsonNode awaitLiveJob(String placement, String status) {
    JsonNode[] found = new JsonNode[1];
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> {
          List<JsonNode> live = liveJobsOf(placement);
          assertThat(live).hasSize(1);
          assertThat(live.get(0).path("status").asString()).isEqualTo(status);
          found[0] = live.get(0);
        });
    return found[0];
  }


  /** When the placement's current pick-up job last heard it ended, as stored. */
  private Instant endRecordedFor(String placement) {
    Date ended = null;
    for (Document job : mongo.getCollection("transport_jobs")
        .find(new Document("placementId", placement))) {
      Date candidate = job.getDate("endedAt");
      if (candidate != null && (ended == null || candidate.after(ended))) {
        ended = candidate;
      }
    }
    return ended == null ? null : ended.toInstant();
  }
}
