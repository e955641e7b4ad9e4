package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.transport.application.HeldBed;
import org.safebed.transport.application.PlacementFollowUp;
import org.safebed.transport.application.Reconciler;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.EscortNeeds;
import org.safebed.transport.domain.GeoPoint;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nothing double-booked under concurrency: many placements racing for few drivers, one placement
 * delivered many times at once, and the repair of a crash between the driver's and the job's write.
 */
class AssignmentConcurrencyIT extends TransportScenario {

  @Autowired private PlacementFollowUp followUp;
  @Autowired private Reconciler reconciler;
  @Autowired private TransportJobs jobs;
  @Autowired private Drivers drivers;

  @Test
  void manyJobsRacingForFewDriversNeverGiveADriverTwoJobs() throws Exception {
    for (int i = 0; i < 5; i++) {
      driver("drv-race-" + i, 48.86 + i * 0.01, 2.35, true);
    }
    List<String> placements = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      placements.add(newPlacementId());
    }

    runConcurrently(placements.stream().<Callable<Void>>map(p -> () -> {
      followUp.bedHeld(held(p));
      return null;
    }).toList());

    Map<String, Integer> jobsPerDriver = new HashMap<>();
    int offered = 0;
    for (String placement : placements) {
      TransportJob job = jobs.find(jobId(placement)).orElseThrow();
      if (job.status().holdsDriver()) {
        offered++;
        jobsPerDriver.merge(job.driverId(), 1, Integer::sum);
        assertThat(driverDocument(job.driverId()).getString("currentJobId")).isEqualTo(job.id());
      } else {
        assertThat(job.status().name()).isEqualTo("UNASSIGNED");
      }
    }
    assertThat(offered).isEqualTo(5);
    assertThat(jobsPerDriver.values()).allMatch(count -> count == 1);
  }

  @Test
  void theSamePlacementDeliveredManyTimesAtOnceMakesOneJobAndClaimsOneDriver() throws Exception {
    for (int i = 0; i < 3; i++) {
      driver("drv-same-" + i, 48.86 + i * 0.01, 2.35, true);
    }
    String placement = newPlacementId();

    List<Callable<Void>> duplicates = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      duplicates.add(() -> {
        followUp.bedHeld(held(placement));
        return null;
      });
    }
    runConcurrently(duplicates);

    assertThat(mongo.getCollection("transport_jobs").countDocuments(new Document("placementId", placement))).isEqualTo(1);
    assertThat(mongo.getCollection("drivers").countDocuments(new Document("currentJobId", jobId(placement)))).isEqualTo(1);
    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofSeconds(2))).hasSize(1);
  }

  @Test
  void theReconcilerReleasesADriverAClaimLeftBehindAndAssignsAWaitingJob() {
    String stranded = driver("drv-stranded", 48.87, 2.36, true);
    // A crash after claiming the driver but before offering the job: the claim points nowhere.
    assertThat(drivers.claim(stranded, "job-never-offered", EscortNeeds.of(true), clock.instant())).isTrue();
    // A crash after creating the job but before assigning it.
    String placement = newPlacementId();
    assertThat(jobs.createIfAbsent(TransportJob.pickup(
        jobId(placement), placement, "evt-" + placement, clock.instant(), "shelter-alpha", "central",
        EscortNeeds.of(true), new GeoPoint(48.86, 2.35), new GeoPoint(48.85, 2.40),
        Instant.parse("2030-01-01T00:00:00Z"), clock.instant()))).isTrue();

    assertThat(reconciler.reconcile()).as("too young to touch").isZero();
    clock.advance(Duration.ofMinutes(1));
    reconciler.reconcile();

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo("drv-stranded");
    assertThat(driverDocument(stranded).getString("currentJobId")).isEqualTo(jobId(placement));
  }

  @Test
  void theReconcilerLeavesRightfulClaimsAlone() {
    String busy = driver("drv-busy", 48.87, 2.36, true);
    String placement = newPlacementId();
    followUp.bedHeld(held(placement));
    clock.advance(Duration.ofMinutes(1));

    reconciler.reconcile();

    assertThat(driverDocument(busy).getString("currentJobId")).isEqualTo(jobId(placement));
  }

  /** The bed-held of the placement's one hold: every call is a delivery of the same event. */
  private static HeldBed held(String placement) {
    return new HeldBed(
        "evt-" + placement, Instant.parse("2026-11-22T18:00:00Z"), placement, "shelter-alpha", "central",
        EscortNeeds.of(true), new GeoPoint(48.86, 2.35), new GeoPoint(48.85, 2.40),
        Instant.parse("2030-01-01T00:00:00Z"));
  }

  private static void runConcurrently(List<Callable<Void>> tasks) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<Void>> results = pool.invokeAll(tasks);
      for (Future<Void> result : results) {
        result.get();
      }
    }
  }
}
