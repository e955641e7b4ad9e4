package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.TestTokens;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.retention.RetentionProperties;
import org.safebed.platform.web.retention.RetentionSweep;
import org.safebed.platform.web.retention.RetentionTask;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16 point 9: every job reaches a final status when its placement ends, whatever status it
 * was in, through the real broker, with duplicated and reordered events, so retention closes it.
 * A delivered pick-up whose placement is cancelled used to stay DELIVERED forever.
 */
class PlacementEndIT extends TransportScenario {

  @Autowired List<RetentionTask> tasks;
  @Autowired AuditTrail audit;
  @Autowired RetentionProperties retention;

  /** A pick-up driven to delivery by its driver; returns the placement id. */
  private String deliveredPickup() {
    String subject = "drv-end-" + suffix();
    driver(subject, 48.87, 2.36, true);
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    driveToDelivery("/api/transport/jobs/" + jobId(placement), TestTokens.driver(subject));
    awaitJob(placement, "DELIVERED");
    return placement;
  }

  private void publish(String type, String placement, String eventId, Instant occurredAt) {
    broker.publish(type, placement, Map.of("placementId", placement, "shelterId", "shelter-alpha"), eventId, occurredAt);
  }

  private Document jobDocument(String placement) {
    return mongo.getCollection("transport_jobs").find(new Document("_id", jobId(placement))).first();
  }

  @Test
  void aPlacementCancelledAfterDeliveryCompletesItsJobWhichRetentionThenCloses() {
    String placement = deliveredPickup();
    String cancelled = UUID.randomUUID().toString();
    Instant at = Instant.now();

    publish("placement.cancelled.v1", placement, cancelled, at);
    publish("placement.cancelled.v1", placement, cancelled, at); // redelivered

    awaitJob(placement, "COMPLETED");
    Clock afterThePeriod = Clock.offset(clock, retention.closedCasePeriod().plus(Duration.ofDays(1)));
    RetentionSweep.Result result = new RetentionSweep(tasks, audit, retention, afterThePeriod).sweep();
    assertThat(result.removed()).containsEntry("transport_job", 1);
    assertThat(jobDocument(placement)).doesNotContainKeys("pickupArea", "destinationArea", "minor").containsKey("anonymisedAt");
  }

  @Test
  void aHoldThatExpiresAfterDeliveryCompletesTheJobAndALateCheckInChangesNothing() {
    String placement = deliveredPickup();
    Instant now = Instant.now();

    publish("placement.hold-expired.v1", placement, UUID.randomUUID().toString(), now);
    awaitJob(placement, "COMPLETED");
    // A check-in that occurred earlier but arrives late, twice.
    String checkedIn = UUID.randomUUID().toString();
    publish("placement.checked-in.v1", placement, checkedIn, now.minusSeconds(30));
    publish("placement.checked-in.v1", placement, checkedIn, now.minusSeconds(30));

    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(jobDocument(placement).getString("status")).isEqualTo("COMPLETED"));
  }

  @Test
  void aCheckOutThatOvertakesTheCheckInCompletesTheJob() {
    String placement = deliveredPickup();
    Instant now = Instant.now();

    publish("placement.checked-out.v1", placement, UUID.randomUUID().toString(), now);
    awaitJob(placement, "COMPLETED");
    publish("placement.checked-in.v1", placement, UUID.randomUUID().toString(), now.minusSeconds(60));

    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(jobDocument(placement).getString("status")).isEqualTo("COMPLETED"));
  }

  @Test
  void aJobWaitingForADriverOrUnderWayEndsWithItsPlacementAndFreesItsDriver() {
    String unassigned = newPlacementId();
    bedHeld(unassigned, true); // no driver at all
    awaitJob(unassigned, "UNASSIGNED");
    placementEvent("placement.hold-expired.v1", unassigned);
    awaitJob(unassigned, "CANCELLED");

    String subject = "drv-under-way-" + suffix();
    String driverId = driver(subject, 48.87, 2.36, true);
    String accepted = newPlacementId();
    bedHeld(accepted, true);
    awaitJob(accepted, "OFFERED");
    http.post("/api/transport/jobs/" + jobId(accepted) + "/accept", TestTokens.driver(subject));
    String waiting = newPlacementId();
    bedHeld(waiting, true);
    awaitJob(waiting, "UNASSIGNED"); // the only driver is busy

    placementEvent("placement.cancelled.v1", accepted);

    awaitJob(accepted, "CANCELLED");
    awaitJob(waiting, "OFFERED"); // the freed driver is offered the waiting job...
    placementEvent("placement.checked-in.v1", waiting); // ...but police brought her themselves
    awaitJob(waiting, "COMPLETED");
    await().untilAsserted(() -> assertThat(driverDocument(driverId).getString("currentJobId")).isNull());
  }

  @Test
  void aPickupDeliveredAndThenReplacedByANewHoldIsCompleteNotLeftDelivered() {
    String placement = deliveredPickup();

    broker.publish("placement.bed-held.v1", placement, bedHeldData(placement, true), UUID.randomUUID().toString(),
        Instant.now().plusSeconds(1));

    awaitJob(placement, "COMPLETED");
    assertThat(jobsOf(placement)).hasSize(2);
  }

  @Test
  void aDeliveredMoveIsCompleteAndItsDriverKeepsTheDestinationOnlyForTheGrace() {
    String placement = deliveredAndCheckedIn();
    String moverSubject = "drv-mover-" + suffix();
    driver(moverSubject, 48.851, 2.401, true);
    String referral = "ref-" + suffix();
    tenancyStarted(referral, placement, today());
    awaitJobById(moveId(referral), "OFFERED");
    String job = "/api/transport/jobs/" + moveId(referral);
    String mover = TestTokens.driver(moverSubject);
    OUTSIDE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/oauth2/token"))
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    OUTSIDE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/internal/referrals/.*/destination"))
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"address\":\"Unit 7\"}")));

    driveToDelivery(job, mover);

    awaitJobById(moveId(referral), "COMPLETED");
    broker.await("transport.delivered.v1", placement, event -> moveId(referral).equals(event.path("data").path("jobId").asString()));
    assertThat(http.get(job + "/destination", mover).status()).as("just after delivery").isEqualTo(200);
    clock.advance(GRACE.plusSeconds(1));
    assertProblem(http.get(job + "/destination", mover), 403);
  }
}
