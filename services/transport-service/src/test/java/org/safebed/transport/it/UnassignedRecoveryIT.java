package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.safebed.transport.application.Reconciler;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.Gender;
import org.safebed.transport.domain.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * UNASSIGNED waits for coordinators but is not the end: a driver who becomes free and fits is
 * offered the job, and a coordinator may re-offer it. A try that finds nobody tells nobody again.
 */
class UnassignedRecoveryIT extends TransportScenario {

  @Autowired private Drivers drivers;
  @Autowired private Reconciler reconciler;

  @Test
  void anUnassignedJobIsOfferedToADriverWhoComesOnDuty() {
    String driver = driver("drv-late-" + suffix(), 48.87, 2.36, true, "FEMALE", false, "fr");
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "UNASSIGNED");
    JsonNode failed = broker.await("transport.failed.v1", placement);

    ServiceHttp.Response onDuty =
        http.put("/api/transport/drivers/me/availability", TestTokens.driver(accountOf(driver)), "{\"onDuty\":true}");

    assertThat(onDuty.status()).as(onDuty.toString()).isEqualTo(200);
    assertThat(onDuty.json().path("currentJobId").asString()).isEqualTo(jobId(placement));
    JsonNode job = awaitJob(placement, "OFFERED");
    assertThat(job.path("driverId").asString()).isEqualTo(accountOf(driver));
    assertThat(absent(job.path("unassignedReason"))).isTrue();
    JsonNode assigned = broker.await("transport.assigned.v1", placement);
    assertThat(assigned.path("data").path("driverId").asString()).isEqualTo(accountOf(driver));
    // Occupancy leaves FAILED only for a newer event: the offer must come after the failure it ends.
    assertThat(java.time.Instant.parse(assigned.path("occurredAt").asString()))
        .isAfter(java.time.Instant.parse(failed.path("occurredAt").asString()));
  }

  @Test
  void aNewlyRegisteredDriverWhoFitsIsOfferedTheUnassignedJob() {
    String placement = newPlacementId();
    bedHeld(placement, false);
    awaitJob(placement, "UNASSIGNED");

    String driver = driver("drv-new-" + suffix(), 48.87, 2.36, false);

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(driver));
  }

  @Test
  void aDriverFreedByADeliveryIsOfferedTheMostUrgentUnassignedJobTheyFit() {
    String busy = driver("drv-busy-" + suffix(), 48.87, 2.36, true);
    String token = TestTokens.driver(accountOf(busy));
    String first = newPlacementId();
    bedHeld(first, true);
    awaitJob(first, "OFFERED");
    String later = newPlacementId();
    String sooner = newPlacementId();
    broker.publish("placement.bed-held.v1", later, holdUntil(later, "2030-01-01T03:00:00Z"));
    awaitJob(later, "UNASSIGNED");
    broker.publish("placement.bed-held.v1", sooner, holdUntil(sooner, "2030-01-01T01:00:00Z"));
    awaitJob(sooner, "UNASSIGNED");
    String job = "/api/transport/jobs/" + jobId(first);
    http.post(job + "/accept", token);
    http.post(job + "/pick-up", token);

    assertThat(http.post(job + "/deliver", token).status()).isEqualTo(200);

    assertThat(awaitJob(sooner, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(busy));
    assertThat(awaitJob(later, "UNASSIGNED").path("unassignedReason").asString()).isEqualTo("NO_DRIVER");
  }

  @Test
  void aDriverFreedByACancelledPlacementIsOfferedTheUnassignedJob() {
    String driver = driver("drv-freed-" + suffix(), 48.87, 2.36, true);
    String cancelled = newPlacementId();
    bedHeld(cancelled, true);
    awaitJob(cancelled, "OFFERED");
    String waiting = newPlacementId();
    bedHeld(waiting, true);
    awaitJob(waiting, "UNASSIGNED");

    placementEvent("placement.cancelled.v1", cancelled);

    awaitJob(cancelled, "CANCELLED");
    assertThat(awaitJob(waiting, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(driver));
  }

  @Test
  void aDriverWhoDoesNotFitLeavesTheJobUnassignedAndNothingMoreIsAnnounced() {
    String placement = newPlacementId();
    Map<String, Object> wantsAWoman = bedHeldData(placement, true);
    wantsAWoman.put("escortGender", "FEMALE");
    broker.publish("placement.bed-held.v1", placement, wantsAWoman);
    awaitJob(placement, "UNASSIGNED");

    String man = driver("drv-man-" + suffix(), 48.87, 2.36, true, "MALE", "fr");
    driver("drv-adults-" + suffix(), 48.87, 2.36, false, "FEMALE", "fr");

    assertThat(broker.all("transport.failed.v1", placement, Duration.ofSeconds(1))).hasSize(1);
    assertThat(broker.all("transport.assigned.v1", placement, Duration.ZERO)).isEmpty();
    assertThat(awaitJob(placement, "UNASSIGNED").path("unassignedReason").asString()).isEqualTo("NO_DRIVER");
    assertThat(driverDocument(man).getString("currentJobId")).isNull();
  }

  @Test
  void aDriverWhoDeclinedIsNotAskedAgainByComingBackOnDuty() {
    String driver = driver("drv-decliner-" + suffix(), 48.87, 2.36, true);
    String token = TestTokens.driver(accountOf(driver));
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    http.post("/api/transport/jobs/" + jobId(placement) + "/decline", token);
    awaitJob(placement, "UNASSIGNED");

    http.put("/api/transport/drivers/me/availability", token, "{\"onDuty\":false}");
    http.put("/api/transport/drivers/me/availability", token, "{\"onDuty\":true}");

    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofSeconds(1))).hasSize(1);
    awaitJob(placement, "UNASSIGNED");
  }

  @Test
  void aCoordinatorReoffersAnUnassignedJobEvenToADriverWhoDeclinedIt() {
    String driver = driver("drv-second-chance-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    http.post("/api/transport/jobs/" + jobId(placement) + "/decline", TestTokens.driver(accountOf(driver)));
    awaitJob(placement, "UNASSIGNED");
    broker.await("transport.failed.v1", placement);

    ServiceHttp.Response reoffered = http.post("/api/transport/jobs/" + jobId(placement) + "/reoffer", coordinator);

    assertThat(reoffered.status()).as(reoffered.toString()).isEqualTo(200);
    assertThat(reoffered.json().path("status").asString()).isEqualTo("OFFERED");
    assertThat(reoffered.json().path("driverId").asString()).isEqualTo(accountOf(driver));
    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofSeconds(1))).hasSize(2);
    assertThat(driverDocument(driver).getString("currentJobId")).isEqualTo(jobId(placement));
  }

  @Test
  void aReofferThatFindsNobodyLeavesTheJobUnassignedWithItsReason() {
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "UNASSIGNED");

    ServiceHttp.Response reoffered = http.post("/api/transport/jobs/" + jobId(placement) + "/reoffer", coordinator);

    assertThat(reoffered.status()).as(reoffered.toString()).isEqualTo(200);
    assertThat(reoffered.json().path("status").asString()).isEqualTo("UNASSIGNED");
    assertThat(reoffered.json().path("unassignedReason").asString()).isEqualTo("NO_DRIVER");
    assertThat(broker.all("transport.failed.v1", placement, Duration.ofSeconds(1))).hasSize(1);
    assertThat(ids(http.get("/api/transport/jobs?status=UNASSIGNED", coordinator).json())).contains(jobId(placement));
  }

  @Test
  void onlyAnUnassignedJobCanBeReoffered() {
    driver("drv-busy-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");

    assertProblem(http.post("/api/transport/jobs/" + jobId(placement) + "/reoffer", coordinator), 409);
    assertProblem(http.post("/api/transport/jobs/job-nothing-here/reoffer", coordinator), 404);
    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).startsWith("drv-busy-");
  }

  @Test
  void aMoveWhosePickupAreaIsUnknownCannotBeReoffered() {
    driver("drv-mover-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    placementEvent("placement.checked-in.v1", placement); // overtook its bed-held: no shelter area known
    awaitJob(placement, "COMPLETED");
    String referral = "ref-" + suffix();
    broker.publish(
        "referral.tenancy-started.v1", referral,
        Map.of("referralId", referral, "placementId", placement, "unitId", "unit-1",
            "moveInDate", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "region", "central"));
    JsonNode move = awaitJobById("move-" + referral, "UNASSIGNED");
    assertThat(move.path("unassignedReason").asString()).isEqualTo("UNKNOWN_PICKUP_AREA");

    assertProblem(http.post("/api/transport/jobs/move-" + referral + "/reoffer", coordinator), 409);
  }

  @Test
  void onlyCoordinatorsReoffer() {
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "UNASSIGNED");
    String path = "/api/transport/jobs/" + jobId(placement) + "/reoffer";

    for (String token : Set.of(
        TestTokens.driver("drv-x"), TestTokens.police("police-1"),
        TestTokens.shelterManager("manager-1", "shelter-alpha"), TestTokens.housingOfficer("h-1", "agency-1"),
        TestTokens.service("shelter-occupancy-service"))) {
      assertProblem(http.post(path, token), 403);
    }
    assertProblem(http.post(path, null), 401);
    awaitJob(placement, "UNASSIGNED");
  }

  @Test
  void theReconcilerOffersAnUnassignedJobWhenTheDriversArrivalWentUnnoticed() {
    String placement = newPlacementId();
    bedHeld(placement, false);
    awaitJob(placement, "UNASSIGNED");
    // Stored without the roster (as after a crash right after the write): nobody was told.
    Driver quiet = new Driver(
        "drv-quiet-" + suffix(), "acct-quiet-" + suffix(), true, Gender.FEMALE, Set.of("fr"), false,
        new GeoPoint(48.87, 2.36), true, null, null);
    assertThat(drivers.register(quiet)).isTrue();
    assertThat(reconciler.reconcile()).as("too young to touch").isZero();

    clock.advance(Duration.ofMinutes(1));
    reconciler.reconcile();

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(quiet.accountSubject());
  }

  private static Map<String, Object> holdUntil(String placement, String holdExpiresAt) {
    Map<String, Object> data = bedHeldData(placement, true);
    data.put("holdExpiresAt", holdExpiresAt);
    return data;
  }

}
