package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.safebed.transport.application.JobAssignment;
import org.safebed.transport.application.OfferExpiry;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A job from bed-held to delivery, with its events on the real broker. */
class JobLifecycleIT extends TransportScenario {

  @Autowired private MeterRegistry meters;

  @Test
  void bedHeldOffersTheJobToTheNearestDriverAndAnnouncesIt() {
    String near = driver("drv-near-" + suffix(), 48.87, 2.36, true);
    driver("drv-far-" + suffix(), 48.95, 2.50, true);
    String placement = newPlacementId();

    bedHeld(placement, true);

    JsonNode job = awaitJob(placement, "OFFERED");
    String nearSubject = subjectOf(near);
    assertThat(job.path("driverId").asString()).isEqualTo(nearSubject);
    assertThat(job.path("etaMinutes").asInt()).isEqualTo(ROUTED_ETA);
    assertThat(job.path("etaSource").asString()).isEqualTo("ROUTING");
    assertThat(job.has("destinationArea")).as("no destination in a job view").isFalse();
    assertThat(driverDocument(near).getString("currentJobId")).isEqualTo(jobId(placement));

    JsonNode assigned = broker.await("transport.assigned.v1", placement);
    assertThat(assigned.path("aggregateId").asString()).isEqualTo(jobId(placement));
    assertThat(assigned.path("correlationId").asString()).isEqualTo(placement);
    JsonNode data = assigned.path("data");
    assertThat(data.path("jobId").asString()).isEqualTo(jobId(placement));
    assertThat(data.path("driverId").asString()).isEqualTo(nearSubject);
    assertThat(data.path("etaMinutes").asInt()).isEqualTo(ROUTED_ETA);
    assertThat(data.path("etaSource").asString()).isEqualTo("ROUTING");
    assertThat(data.path("kind").asString()).isEqualTo("PICKUP");
    assertThat(data.propertyNames())
        .containsExactlyInAnyOrder("jobId", "kind", "placementId", "driverId", "etaMinutes", "etaSource");
  }

  @Test
  void theDriverAcceptsPicksUpAndDeliversAndIsThenFree() {
    String driverId = driver("drv-journey-" + suffix(), 48.87, 2.36, true);
    String token = TestTokens.driver(subjectOf(driverId));
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    String job = "/api/transport/jobs/" + jobId(placement);

    ServiceHttp.Response accepted = http.post(job + "/accept", token);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
    assertThat(http.post(job + "/accept", token).status()).as("repeat changes nothing").isEqualTo(200);

    ServiceHttp.Response pickedUp = http.post(job + "/pick-up", token);
    assertThat(pickedUp.json().path("status").asString()).isEqualTo("PICKED_UP");
    JsonNode pickedUpEvent = broker.await("transport.picked-up.v1", placement);
    assertThat(pickedUpEvent.path("data").path("jobId").asString()).isEqualTo(jobId(placement));

    ServiceHttp.Response delivered = http.post(job + "/deliver", token);
    assertThat(delivered.json().path("status").asString()).isEqualTo("DELIVERED");
    JsonNode deliveredEvent = broker.await("transport.delivered.v1", placement);
    assertThat(deliveredEvent.path("data").propertyNames()).containsExactlyInAnyOrder("jobId", "kind", "placementId");
    assertThat(driverDocument(driverId).getString("currentJobId")).as("driver free again").isNull();

    assertThat(broker.all("transport.picked-up.v1", placement, Duration.ofMillis(500))).hasSize(1);
  }

  @Test
  void stepsOutOfOrderAreConflicts() {
    String driverId = driver("drv-order-" + suffix(), 48.87, 2.36, true);
    String token = TestTokens.driver(subjectOf(driverId));
    String placement = newPlacementId();
    bedHeld(placement, false);
    awaitJob(placement, "OFFERED");
    String job = "/api/transport/jobs/" + jobId(placement);

    assertProblem(http.post(job + "/pick-up", token), 409);
    assertProblem(http.post(job + "/deliver", token), 409);
    http.post(job + "/accept", token);
    assertProblem(http.post(job + "/deliver", token), 409);
    assertProblem(http.post(job + "/decline", token), 409);
    http.post(job + "/pick-up", token);
    assertProblem(http.post(job + "/accept", token), 409);

    assertThat(awaitJob(placement, "PICKED_UP").path("driverId").asString()).isEqualTo(subjectOf(driverId));
  }

  @Test
  void aDuplicateBedHeldChangesNothing() {
    driver("drv-dup-" + suffix(), 48.87, 2.36, true);
    driver("drv-dup2-" + suffix(), 48.88, 2.37, true);
    String placement = newPlacementId();
    java.time.Instant heldAt = java.time.Instant.now();
    String eventId = java.util.UUID.randomUUID().toString();

    broker.publish("placement.bed-held.v1", placement, bedHeldData(placement, true), eventId, heldAt);
    awaitJob(placement, "OFFERED");
    broker.publish("placement.bed-held.v1", placement, bedHeldData(placement, true), eventId, heldAt);
    broker.publish("placement.bed-held.v1", placement, bedHeldData(placement, true), eventId, heldAt);

    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofSeconds(2))).hasSize(1);
    assertThat(mongo.getCollection("transport_jobs").countDocuments(new org.bson.Document("placementId", placement)))
        .isEqualTo(1);
    assertThat(mongo.getCollection("drivers").countDocuments(new org.bson.Document("currentJobId", jobId(placement))))
        .as("one driver held")
        .isEqualTo(1);
  }

  @Test
  void aDeclinedJobIsOfferedToTheNextBestDriverNeverBackToTheFirst() {
    String first = driver("drv-first-" + suffix(), 48.87, 2.36, true);
    String second = driver("drv-second-" + suffix(), 48.90, 2.40, true);
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    String firstToken = TestTokens.driver(subjectOf(first));

    ServiceHttp.Response declined = http.post("/api/transport/jobs/" + jobId(placement) + "/decline", firstToken);

    assertThat(declined.status()).as(declined.toString()).isEqualTo(204);
    JsonNode job = awaitJob(placement, "OFFERED");
    assertThat(job.path("driverId").asString()).isEqualTo(subjectOf(second));
    broker.await("transport.assigned.v1", placement, e -> e.path("data").path("driverId").asString().equals(subjectOf(second)));
    assertThat(driverDocument(first).getString("currentJobId")).isNull();
    assertThat(driverDocument(second).getString("currentJobId")).isEqualTo(jobId(placement));
    assertProblem(http.get("/api/transport/jobs/" + jobId(placement), firstToken), 404);
    assertProblem(http.post("/api/transport/jobs/" + jobId(placement) + "/accept", firstToken), 404);
  }

  @Test
  void anUnansweredOfferGoesToTheNextDriverWhenItTimesOut() {
    String first = driver("drv-slow-" + suffix(), 48.87, 2.36, true);
    String second = driver("drv-next-" + suffix(), 48.90, 2.40, true);
    String placement = newPlacementId();
    bedHeld(placement, true);
    JsonNode offered = awaitJob(placement, "OFFERED");
    assertThat(offered.path("driverId").asString()).isEqualTo(subjectOf(first));
    double expiredBefore = meters.counter(OfferExpiry.EXPIRED).count();

    clock.advance(OFFER_TIMEOUT.plusSeconds(1));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(awaitJob(placement, "OFFERED").path("driverId").asString())
                    .isEqualTo(subjectOf(second)));
    assertThat(driverDocument(first).getString("currentJobId")).isNull();
    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofSeconds(1)))
        .extracting(e -> e.path("data").path("driverId").asString())
        .containsExactly(subjectOf(first), subjectOf(second));
    assertThat(meters.counter(OfferExpiry.EXPIRED).count()).as("offers expired, for the on-call dashboard")
        .isEqualTo(expiredBefore + 1);
  }

  @Test
  void whenNoDriverIsLeftTheJobIsUnassignedAndTheFailureAnnounced() {
    String only = driver("drv-only-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    bedHeld(placement, false);
    awaitJob(placement, "OFFERED");
    double failuresBefore = meters.counter(JobAssignment.FAILURES, "reason", "no_driver").count();

    http.post("/api/transport/jobs/" + jobId(placement) + "/decline", TestTokens.driver(subjectOf(only)));

    JsonNode job = awaitJob(placement, "UNASSIGNED");
    assertThat(job.path("unassignedReason").asString()).isEqualTo("NO_DRIVER");
    JsonNode failed = broker.await("transport.failed.v1", placement);
    assertThat(failed.path("data").path("reason").asString()).isEqualTo("NO_DRIVER");
    assertThat(failed.path("data").path("jobId").asString()).isEqualTo(jobId(placement));
    ServiceHttp.Response unassigned = http.get("/api/transport/jobs?status=UNASSIGNED", coordinator);
    assertThat(ids(unassigned.json())).contains(jobId(placement));
    assertThat(meters.counter(JobAssignment.FAILURES, "reason", "no_driver").count()).isEqualTo(failuresBefore + 1);
  }

  @Test
  void aMinorIsNeverOfferedToADriverWhoMayNotEscortMinors() {
    driver("drv-adults-" + suffix(), 48.861, 2.351, false); // nearest, but adults only
    String escort = driver("drv-escort-" + suffix(), 48.95, 2.50, true);
    String minor = newPlacementId();
    String adult = newPlacementId();

    bedHeld(minor, true);
    assertThat(awaitJob(minor, "OFFERED").path("driverId").asString()).isEqualTo(subjectOf(escort));

    bedHeld(adult, false);
    assertThat(awaitJob(adult, "OFFERED").path("driverId").asString()).startsWith("drv-adults-");
  }

  @Test
  void aMinorWithOnlyAdultEscortsAroundIsUnassigned() {
    driver("drv-adults-only-" + suffix(), 48.861, 2.351, false);
    String placement = newPlacementId();

    bedHeld(placement, true);

    awaitJob(placement, "UNASSIGNED");
    broker.await("transport.failed.v1", placement);
    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void aCancelledPlacementCancelsTheJobAndFreesTheDriver() {
    String driverId = driver("drv-cancel-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    http.post("/api/transport/jobs/" + jobId(placement) + "/accept", TestTokens.driver(subjectOf(driverId)));

    placementEvent("placement.cancelled.v1", placement);

    awaitJob(placement, "CANCELLED");
    assertThat(driverDocument(driverId).getString("currentJobId")).isNull();
  }

  @Test
  void anExpiredHoldCancelsTheJobAndFreesTheDriver() {
    String driverId = driver("drv-expired-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");

    placementEvent("placement.hold-expired.v1", placement);

    awaitJob(placement, "CANCELLED");
    assertThat(driverDocument(driverId).getString("currentJobId")).isNull();
  }

  @Test
  void aCancellationThatOvertakesTheBedHeldLeavesNoLiveJob() {
    String driverId = driver("drv-tomb-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();

    placementEvent("placement.cancelled.v1", placement);
    awaitJob(placement, "CANCELLED");
    // The hold it cancelled was made before the cancellation, whenever its event arrives.
    broker.publish(
        "placement.bed-held.v1", placement, bedHeldData(placement, true), java.util.UUID.randomUUID().toString(),
        java.time.Instant.now().minusSeconds(60));

    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofSeconds(2))).isEmpty();
    assertThat(absent(awaitJob(placement, "CANCELLED").path("driverId"))).isTrue();
    assertThat(driverDocument(driverId).getString("currentJobId")).isNull();
  }

  @Test
  void checkInCompletesTheJobAndFreesTheDriver() {
    String driverId = driver("drv-checkin-" + suffix(), 48.87, 2.36, true);
    String token = TestTokens.driver(subjectOf(driverId));
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    String job = "/api/transport/jobs/" + jobId(placement);
    http.post(job + "/accept", token);
    http.post(job + "/pick-up", token);

    placementEvent("placement.checked-in.v1", placement);

    awaitJob(placement, "COMPLETED");
    assertThat(driverDocument(driverId).getString("currentJobId")).isNull();
    assertProblem(http.post(job + "/deliver", token), 409);
  }

  @Test
  void aCheckInAfterDeliveryCompletesTheJob() {
    String driverId = driver("drv-delivered-" + suffix(), 48.87, 2.36, true);
    String token = TestTokens.driver(subjectOf(driverId));
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    String job = "/api/transport/jobs/" + jobId(placement);
    driveToDelivery(job, token);

    placementEvent("placement.cancelled.v1", placement); // too late to cancel a delivered job
    placementEvent("placement.checked-in.v1", placement);

    awaitJob(placement, "COMPLETED");
  }

  @Test
  void aBedHeldWithoutPickupAreaIsDeadLetteredNotRetried() {
    driver("drv-poison-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    java.util.Map<String, Object> data = bedHeldData(placement, true);
    data.remove("pickupArea");

    broker.publish("placement.bed-held.v1", placement, data);
    String healthy = newPlacementId();
    bedHeld(healthy, true);

    awaitJob(healthy, "OFFERED"); // the inbox moved on past the poison message
    assertThat(http.get("/api/transport/jobs/" + jobId(placement), coordinator).status()).isEqualTo(404);
  }


  private String subjectOf(String driverId) {
    return driverDocument(driverId).getString("accountSubject");
  }
}
