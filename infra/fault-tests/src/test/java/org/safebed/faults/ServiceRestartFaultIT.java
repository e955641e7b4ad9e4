package org.safebed.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.faults.support.FaultSuite;
import org.safebed.faults.support.Http;
import org.safebed.faults.support.Journeys;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;

/**
 * A service goes down mid-journey, after the bed is held and before transport is assigned, and
 * comes back: the journey completes (driver assigned, address revealed to that driver, pick-up,
 * delivery, check-in, resident known to rental referral) from what waited in its queue and its
 * database.
 */
@FaultTest
class ServiceRestartFaultIT {

  private static FaultSuite suite;
  private static Journeys journeys;

  @BeforeAll
  static void startSuite() {
    suite = FaultSuite.get();
    journeys = suite.journeys();
  }

  @Test
  void transportDownWhenTheBedIsHeldAssignsAfterItsRestartAndTheJourneyCompletes() {
    suite.awaitQuiet(Duration.ofSeconds(60));
    suite.stack().stop(StackApps.TRANSPORT);
    String placementId;
    try {
      placementId = journeys.requestHeld();
      suite.awaitQuiet(Duration.ofSeconds(30), List.of(StackApps.SHELTER_OCCUPANCY));
      assertThat(suite.ready(suite.inboxOf(StackApps.TRANSPORT))).as("bed-held waits for transport").isEqualTo(1);
      FaultSuite.sleep(Duration.ofSeconds(2));
      assertThat(transportStatus(placementId)).isEqualTo("NOT_ASSIGNED");
    } finally {
      restart(StackApps.TRANSPORT);
    }
    completeJourney(placementId);
  }

  @Test
  void occupancyDownBeforeTransportIsAssignedLearnsOfTheAssignmentAfterItsRestartAndTheJourneyCompletes() {
    suite.awaitQuiet(Duration.ofSeconds(60));
    // Transport waits until occupancy is down, so the assignment happens while it is.
    suite.inboxes().pause(suite.stack(), StackApps.TRANSPORT);
    String placementId;
    try {
      placementId = journeys.requestHeld();
      suite.awaitQuiet(Duration.ofSeconds(30), List.of(StackApps.SHELTER_OCCUPANCY));
      suite.stack().stop(StackApps.SHELTER_OCCUPANCY);
    } finally {
      suite.inboxes().resume(suite.stack(), StackApps.TRANSPORT);
    }
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> "OFFERED".equals(job(placementId).getString("status")));
      suite.awaitQuiet(Duration.ofSeconds(30), List.of(StackApps.TRANSPORT));
      assertThat(suite.ready(suite.inboxOf(StackApps.SHELTER_OCCUPANCY))).as("the assignment waits for occupancy").isEqualTo(1);
      Http.Reply whileDown = journeys.request();
      assertThat(whileDown.status()).as("the gateway answers for a service that is down").isIn(502, 503, 504);
      assertThat(whileDown.body()).doesNotContain("Exception");
    } finally {
      restart(StackApps.SHELTER_OCCUPANCY);
    }
    completeJourney(placementId);
  }

  private static void restart(StackApp service) {
    suite.stack().start(service);
    suite.inboxes().install(suite.stack(), service);
  }

  private static void completeJourney(String placementId) {
    journeys.completeWithDriver(placementId);
  }

  private static String transportStatus(String placementId) {
    return journeys.transportStatus(placementId);
  }

  private static Document job(String placementId) {
    return journeys.job(placementId);
  }
}
