package org.safebed.transport.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.JobStatus;
import org.safebed.transport.domain.PlacementPickups;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.safebed.transport.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What transport does when a placement moves on. Every effect is keyed by what caused it (a job
 * per bed-held event, its id derived from the placement and that event) and applied by conditional
 * writes, so duplicates and redeliveries change nothing. Events of one placement may overtake each
 * other; the producer's {@code occurredAt} tells their order: an end that overtakes its start
 * leaves a tombstone the start then respects, a late copy of an earlier hold creates nothing, and
 * an end that concerns an earlier hold leaves the current job alone.
 */
@Service
public class PlacementFollowUp {

  private static final Logger log = LoggerFactory.getLogger(PlacementFollowUp.class);
  private static final int ATTEMPTS = 5;

  private final TransportJobs jobs;
  private final Drivers drivers;
  private final JobAssignment assignment;
  private final UnassignedJobs unassigned;
  private final Clock clock;

  public PlacementFollowUp(
      TransportJobs jobs, Drivers drivers, JobAssignment assignment, UnassignedJobs unassigned, Clock clock) {
    this.jobs = jobs;
    this.drivers = drivers;
    this.assignment = assignment;
    this.unassigned = unassigned;
    this.clock = clock;
  }

  /**
   * A bed is held: create the pick-up job of this hold (once) and find it a driver. A placement held
   * again after its earlier hold ended gets a new job, which replaces the earlier one.
   *
   * @throws ReplacementInProgress when another hold of the placement is replacing its job right now
   */
  public void bedHeld(HeldBed held) {
    String placementId = held.placementId();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      PlacementPickups pickups = jobs.pickupsOf(placementId);
      Optional<TransportJob> same = pickups.causedBy(held.eventId());
      if (same.isPresent()) {
        // A duplicate. Also finishes the assignment of a job a crash left waiting; a no-op otherwise.
        assignment.assign(same.get().id());
        return;
      }
      if (pickups.isEmpty()) {
        if (create(TransportJob.idFor(placementId), held)) {
          return;
        }
        continue; // another event of the placement was first: look again
      }
      String successor = TransportJob.successorIdFor(placementId, held.eventId());
      Optional<String> missing = pickups.missingSuccessor();
      if (missing.isPresent()) {
        if (!missing.get().equals(successor)) {
          throw new ReplacementInProgress();
        }
        create(successor, held); // this event replaced the job before a crash: finish what it started
        return;
      }
      TransportJob current = pickups.current().orElseThrow(() -> new IllegalStateException("no current job"));
      if (!held.heldAt().isAfter(current.lastKnownAt())) {
        log.info("Bed-held {} is older than what job {} knows of its placement: changes nothing", held.eventId(), current.id());
        return;
      }
      String heldDriver = current.status().holdsDriver() ? current.driverId() : null;
      if (jobs.save(current, current.replaceBy(successor, clock.instant()))) {
        log.info("Placement {} held again: job {} replaced by {}", placementId, current.id(), successor);
        drivers.release(heldDriver, current.id());
        create(successor, held);
        unassigned.driverMayBeFree(heldDriver);
        return;
      }
    }
    // Redelivered by the inbox after a pause; by then the competing writer has finished.
    throw new IllegalStateException("jobs of placement " + placementId + " kept changing");
  }

  /**
   * The hold expired or the placement was cancelled: a job under way is off and its driver free; a
   * delivered one is complete. Either way it is final, so retention closes it.
   */
  public void placementEnded(String placementId, Instant endedAt) {
    finish(placementId, endedAt, JobStatus.CANCELLED, TransportJob::cancel);
  }

  /** The shelter checked her in: the job is complete, whatever state it was in. */
  public void checkedIn(String placementId, Instant checkedInAt) {
    finish(placementId, checkedInAt, JobStatus.COMPLETED, TransportJob::complete);
  }

  /**
   * She left the shelter. Her check-in normally completed the job already; a check-out that
   * overtook it (or a job a coordinator still waited on) completes it now, so none outlives her
   * placement.
   */
  public void checkedOut(String placementId, Instant checkedOutAt) {
    finish(placementId, checkedOutAt, JobStatus.COMPLETED, TransportJob::complete);
  }

  /** @return whether this call stored the job (false: one with its id exists) */
  private boolean create(String jobId, HeldBed held) {
    TransportJob job =
        TransportJob.pickup(
            jobId, held.placementId(), held.eventId(), held.heldAt(), held.shelterId(), held.region(),
            held.escort(), held.pickupArea(), held.destinationArea(), held.holdExpiresAt(), clock.instant());
    boolean created = jobs.createIfAbsent(job);
    if (created) {
      log.info("Job {} created for placement {}", jobId, held.placementId());
      assignment.assign(jobId);
    }
    return created;
  }

  private void finish(String placementId, Instant endedAt, JobStatus tombstoneStatus, Ending ending) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      PlacementPickups pickups = jobs.pickupsOf(placementId);
      if (pickups.isEmpty()) {
        TransportJob tombstone = TransportJob.tombstone(placementId, tombstoneStatus, endedAt, now);
        if (jobs.createIfAbsent(tombstone)) {
          log.info("Job {} recorded as {} before it was created", tombstone.id(), tombstoneStatus);
          return;
        }
        continue; // the job was created meanwhile: apply the change to it
      }
      if (pickups.missingSuccessor().isPresent()) {
        throw new ReplacementInProgress(); // the end may be of the hold whose job is being created
      }
      TransportJob job = pickups.current().orElseThrow(() -> new IllegalStateException("no current job"));
      if (job.heldAfter(endedAt)) {
        log.info("End of an earlier hold of placement {}: job {} stays as it is", placementId, job.id());
        return;
      }
      String heldDriver = job.status().holdsDriver() ? job.driverId() : null;
      Transition transition = ending.apply(job, endedAt, now);
      if (!transition.changed()) {
        return;
      }
      if (jobs.save(job, transition)) {
        log.info("Job {} is {}: its placement ended", job.id(), job.status());
        if (drivers.release(heldDriver, job.id())) {
          unassigned.driverMayBeFree(heldDriver);
        }
        return;
      }
    }
    // Redelivered by the inbox after a pause; by then the competing writer has finished.
    throw new IllegalStateException("jobs of placement " + placementId + " kept changing");
  }

  /** How an end of the placement changes its current job. */
  @FunctionalInterface
  private interface Ending {
    Transition apply(TransportJob job, Instant endedAt, Instant now);
  }

  /** Another hold of the placement is replacing its job right now: try again shortly. */
  public static final class ReplacementInProgress extends RuntimeException {
    ReplacementInProgress() {
      super("a replacement of the placement's job is in progress", null, false, false);
    }
  }
}
