package org.safebed.transport.application;

import java.time.Clock;
import java.time.Instant;
import org.safebed.transport.config.TransportProperties;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Repairs what a crash between two writes can leave behind, on start and periodically:
 *
 * <ul>
 *   <li>a driver claimed for a job that does not (or no longer) hold them: released;
 *   <li>a job left waiting for a driver: assigned again;
 *   <li>an unassigned job a free driver now fits, whose driver's release was not followed by the
 *       offer it should have caused (a crash in between): offered again.
 * </ul>
 *
 * Only claims and jobs older than {@code repair-after} are touched, so an assignment still in
 * progress is never undone.
 */
@Service
public class Reconciler {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  private static final int BATCH = 200;

  private final TransportJobs jobs;
  private final Drivers drivers;
  private final JobAssignment assignment;
  private final UnassignedJobs unassigned;
  private final TransportProperties properties;
  private final Clock clock;

  public Reconciler(
      TransportJobs jobs,
      Drivers drivers,
      JobAssignment assignment,
      UnassignedJobs unassigned,
      TransportProperties properties,
      Clock clock) {
    this.jobs = jobs;
    this.drivers = drivers;
    this.assignment = assignment;
    this.unassigned = unassigned;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    reconcile();
  }

  @Scheduled(
      fixedDelayString = "${safebed.transport.reconcile-interval:60s}",
      initialDelayString = "${safebed.transport.reconcile-interval:60s}")
  public void periodically() {
    reconcile();
  }

  /** @return how many things were repaired */
  public int reconcile() {
    try {
      Instant before = clock.instant().minus(properties.repairAfter());
      int repaired = 0;
      for (Driver driver : drivers.claimedSince(before, BATCH)) {
        if (!stillHeld(driver) && drivers.release(driver.id(), driver.currentJobId())) {
          log.info("Reconciler released driver {} from job {}", driver.id(), driver.currentJobId());
          repaired++;
        }
      }
      for (TransportJob job : jobs.pendingSince(before, BATCH)) {
        log.info("Reconciler assigns waiting job {}", job.id());
        assignment.assign(job.id());
        repaired++;
      }
      repaired += unassigned.retryUnassignedSince(before);
      return repaired;
    } catch (RuntimeException e) {
      log.warn("Reconciliation failed: {}", e.getClass().getSimpleName());
      return 0;
    }
  }

  private boolean stillHeld(Driver driver) {
    return jobs.find(driver.currentJobId())
        .map(job -> job.status().holdsDriver() && driver.id().equals(job.driverId()))
        .orElse(false);
  }
}
