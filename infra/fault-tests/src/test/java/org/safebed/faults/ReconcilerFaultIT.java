package org.safebed.faults;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.faults.support.FaultSuite;
import org.safebed.faults.support.Journeys;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;

/**
 * A service crashed between the two writes of one step, and its event never went out: the
 * reconciler, at start-up, finishes the step, and the journey completes. The half-done state is
 * made by hand in the service's database while the service is down (what the crash would have left
 * there), and the event that the finished step would have sent is removed from the queue it had
 * reached.
 */
@FaultTest
class ReconcilerFaultIT {

  private static final Date LONG_AGO = Date.from(Instant.now().minus(Duration.ofMinutes(10)));
  private static FaultSuite suite;
  private static Journeys journeys;

  @BeforeAll
  static void startSuite() {
    suite = FaultSuite.get();
    journeys = suite.journeys();
  }

  @Test
  void occupancyCrashedAfterHoldingTheBedBeforeUpdatingThePlacementFinishesTheHoldOnStart() {
    suite.awaitQuiet(Duration.ofSeconds(60));
    suite.inboxes().pause(suite.stack(), StackApps.TRANSPORT);
    String placementId;
    String bedId;
    try {
      placementId = journeys.requestHeld();
      suite.awaitQuiet(Duration.ofSeconds(30), List.of(StackApps.SHELTER_OCCUPANCY));
      bedId = bedOf(placementId);
      suite.stack().stop(StackApps.SHELTER_OCCUPANCY);
      // The crash: the bed's write (HELD for her) happened, the placement's (HELD + bed-held) did not.
      suite.purge(suite.inboxOf(StackApps.TRANSPORT));
      suite.db().occupancy().getCollection("placements").updateOne(eq("_id", placementId), Updates.combine(
          Updates.set("status", "PENDING"),
          Updates.set("hold", null),
          Updates.set("initialOutcome", null),
          Updates.set("firstHeldAt", null),
          Updates.set("matchReasons", List.of()),
          Updates.set("createdAt", LONG_AGO),
          Updates.set("updatedAt", LONG_AGO),
          Updates.set("pendingEvents", List.of())));
      restart(StackApps.SHELTER_OCCUPANCY);
    } finally {
      suite.inboxes().resume(suite.stack(), StackApps.TRANSPORT);
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> "HELD".equals(placement(placementId).getString("status")));
    assertThat(bedOf(placementId)).as("the bed held before the crash, no second one").isEqualTo(bedId);
    journeys.completeWithDriver(placementId);
  }

  @Test
  void transportCrashedAfterCreatingTheJobBeforeAssigningItAssignsOnStart() {
    suite.awaitQuiet(Duration.ofSeconds(60));
    suite.inboxes().pause(suite.stack(), StackApps.SHELTER_OCCUPANCY);
    String placementId;
    try {
      placementId = journeys.requestHeld();
      await().atMost(Duration.ofSeconds(30)).until(() -> "OFFERED".equals(journeys.job(placementId).getString("status")));
      suite.awaitQuiet(Duration.ofSeconds(30), List.of(StackApps.TRANSPORT));
      String jobId = "job-" + placementId;
      String driverId = journeys.job(placementId).getString("driverId");
      suite.stack().stop(StackApps.TRANSPORT);
      // The crash: the job was created (PENDING), the driver's claim and the offer never happened.
      suite.purge(suite.inboxOf(StackApps.SHELTER_OCCUPANCY));
      suite.db().transport().getCollection("transport_jobs").updateOne(eq("_id", jobId), Updates.combine(
          Updates.set("status", "PENDING"),
          Updates.set("driverId", null),
          Updates.set("driverSubject", null),
          Updates.set("etaMinutes", null),
          Updates.set("etaSource", null),
          Updates.set("offerExpiresAt", null),
          Updates.set("assignmentLeaseUntil", null),
          Updates.set("updatedAt", LONG_AGO),
          Updates.set("pendingEvents", List.of())));
      suite.db().transport().getCollection("drivers").updateOne(eq("_id", driverId), Updates.combine(
          Updates.set("currentJobId", null), Updates.set("claimedAt", null)));
      restart(StackApps.TRANSPORT);
    } finally {
      suite.inboxes().resume(suite.stack(), StackApps.SHELTER_OCCUPANCY);
    }

    journeys.completeWithDriver(placementId);
  }

  private static void restart(StackApp service) {
    suite.stack().start(service);
    suite.inboxes().install(suite.stack(), service);
  }

  private static Document placement(String placementId) {
    return suite.db().occupancy().getCollection("placements").find(eq("_id", placementId)).first();
  }

  private static String bedOf(String placementId) {
    Document bed = suite.db().occupancy().getCollection("beds").find(eq("placementId", placementId)).first();
    return bed == null ? null : bed.getString("_id");
  }
}
