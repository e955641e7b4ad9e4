package org.safebed.transport.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.JobStatus;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.safebed.transport.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What transport does when a placement moves on. Every effect is keyed by the placement (the job id
 * derives from it) and applied by conditional writes, so duplicates and redeliveries change
 * nothing, and an end that overtakes the start leaves a tombstone the start then respects.
 */
@Service
public class PlacementFollowUp {

  private static final Logger log = LoggerFactory.getLogger(PlacementFollowUp.class);
  private static final int ATTEMPTS = 5;

  private final TransportJobs jobs;
  private final Drivers drivers;
  private final JobAssignment assignment;
  private final Clock clock;

  public PlacementFollowUp(TransportJobs jobs, Drivers drivers, JobAssignment assignment, Clock clock) {
    this.jobs = jobs;
    this.drivers = drivers;
    this.assignment = assignment;
    this.clock = clock;
  }

  /** A bed is held: create the pick-up job (once) and find it a driver. */
  public void bedHeld(HeldBed held) {
    TransportJob job =
        TransportJob.pickup(
            held.placementId(), held.shelterId(), held.region(), held.minor(), held.pickupArea(),
            held.destinationArea(), held.holdExpiresAt(), clock.instant());
    if (jobs.createIfAbsent(job)) {
      log.info("Job {} created for placement {}", job.id(), held.placementId());
    }
    // Also finishes the assignment of a job a crash left waiting; a no-op for any other status.
    assignment.assign(job.id());
  }

  /** The hold expired or the placement was cancelled: the job is off and its driver free. */
  public void placementEnded(String placementId) {
    finish(placementId, JobStatus.CANCELLED, TransportJob::cancel);
  }

  /** The shelter checked her in: the job is complete. */
  public void checkedIn(String placementId) {
    finish(placementId, JobStatus.COMPLETED, TransportJob::complete);
  }

  private void finish(
      String placementId, JobStatus tombstoneStatus, BiFunction<TransportJob, Instant, Transition> change) {
    String jobId = TransportJob.idFor(placementId);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Optional<TransportJob> loaded = jobs.find(jobId);
      if (loaded.isEmpty()) {
        if (jobs.createIfAbsent(TransportJob.tombstone(placementId, tombstoneStatus, now))) {
          log.info("Job {} recorded as {} before it was created", jobId, tombstoneStatus);
          return;
        }
        continue; // the job was created meanwhile: apply the change to it
      }
      TransportJob job = loaded.get();
      String heldDriver = job.status().holdsDriver() ? job.driverId() : null;
      Transition transition = change.apply(job, now);
      if (!transition.changed()) {
        return;
      }
      if (jobs.save(job, transition)) {
        log.info("Job {} is now {}", jobId, job.status());
        if (heldDriver != null) {
          drivers.release(heldDriver, jobId);
        }
        return;
      }
    }
    // Redelivered by the inbox after a pause; by then the competing writer has finished.
    throw new IllegalStateException("job " + jobId + " kept changing");
  }
}
