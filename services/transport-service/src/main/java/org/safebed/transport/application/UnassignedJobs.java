package org.safebed.transport.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.safebed.platform.refusal.Refusal;
import org.safebed.transport.config.TransportProperties;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.JobKind;
import org.safebed.transport.domain.JobStatus;
import org.safebed.transport.domain.PickupReach;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.safebed.transport.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Unassigned is where a job waits for coordinators, not where it ends. Whenever a driver becomes
 * free (comes on duty, is registered, delivers, or loses a job that ended) the unassigned jobs that
 * driver may take are offered again, the most urgent first; a coordinator may also re-offer one
 * explicitly. A try that finds nobody leaves the job as it was: still unassigned, with its reason,
 * and without a new {@code transport.failed.v1} (coordinators already know); one that finds a
 * driver announces {@code transport.assigned.v1} like any offer.
 */
@Service
public class UnassignedJobs {

  private static final Logger log = LoggerFactory.getLogger(UnassignedJobs.class);
  private static final int BATCH = 200;

  /**
   * A child waiting somewhere before one safe in a shelter waiting to move; then the hold that runs
   * out first, the move due first; then the longest waiting.
   */
  private static final Comparator<TransportJob> MOST_URGENT_FIRST =
      Comparator.comparing((TransportJob job) -> job.kind() != JobKind.PICKUP)
          .thenComparing(UnassignedJobs::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(TransportJob::createdAt)
          .thenComparing(TransportJob::id);

  private final TransportJobs jobs;
  private final Drivers drivers;
  private final JobAssignment assignment;
  private final PickupReach reach;
  private final Clock clock;

  public UnassignedJobs(
      TransportJobs jobs, Drivers drivers, JobAssignment assignment, TransportProperties properties, Clock clock) {
    this.jobs = jobs;
    this.drivers = drivers;
    this.assignment = assignment;
    this.reach = properties.pickupReach();
    this.clock = clock;
  }

  /**
   * The driver may be free for work: offers them (or whoever fits better now) the unassigned jobs
   * they could take, until they hold one. Best effort after the change that freed them has been
   * stored, so it never fails that change; what it misses the reconciler tries again.
   */
  public void driverMayBeFree(String driverId) {
    if (driverId == null) {
      return;
    }
    try {
      Driver driver = drivers.find(driverId).orElse(null);
      if (driver == null) {
        return;
      }
      List<TransportJob> fitting =
          jobs.unassigned(BATCH).stream()
              .filter(TransportJob::mayBeOfferedAgain)
              .filter(job -> driver.mayTake(job, clock.instant()))
              // Jobs this driver could never reach in time are not even tried (no routing calls).
              .filter(job -> reach.mightReach(driver.base(), job.pickupArea()))
              .sorted(MOST_URGENT_FIRST)
              .toList();
      for (TransportJob job : fitting) {
        if (assignment.offerAgain(job.id())) {
          log.info("Unassigned job {} offered again now that driver {} is free", job.id(), driverId);
        }
        if (!drivers.find(driverId).map(free -> free.currentJobId() == null && free.onDutyAt(clock.instant())).orElse(false)) {
          return; // a driver holds one job at a time
        }
      }
    } catch (RuntimeException e) {
      log.warn("Unassigned jobs not offered to driver {}: {}", driverId, e.getClass().getSimpleName());
    }
  }

  /**
   * A coordinator re-offers an unassigned job: the drivers who declined it or let the offer expire
   * may be asked again, and the best driver free now is offered it.
   *
   * @return the job as it now stands: offered, or still unassigned when nobody fits now
   */
  public TransportJob reoffer(String jobId) {
    TransportJob job = jobs.find(jobId).orElseThrow(() -> new Refusal.NotFound("Transport job"));
    if (job.status() != JobStatus.UNASSIGNED) {
      throw new Refusal.Conflict("Only an unassigned job can be re-offered; this one is " + job.status());
    }
    if (!job.mayBeOfferedAgain()) {
      throw new Refusal.Conflict("No driver can be chosen for this job: its pick-up area is not known");
    }
    Transition forgotten = job.forgetDeclines(clock.instant());
    if (forgotten.changed() && !jobs.save(job, forgotten)) {
      throw new Refusal.Conflict("The job changed meanwhile; look at it again");
    }
    boolean offered = assignment.offerAgain(jobId);
    log.info("Coordinator re-offered job {}: {}", jobId, offered ? "offered to a driver" : "still no driver");
    return jobs.find(jobId).orElseThrow(() -> new Refusal.NotFound("Transport job"));
  }

  /**
   * The safety net behind {@link #driverMayBeFree}: unassigned jobs untouched since {@code before}
   * are tried again.
   *
   * @return how many found a driver
   */
  int retryUnassignedSince(Instant before) {
    int offered = 0;
    List<TransportJob> waiting =
        jobs.unassigned(BATCH).stream()
            .filter(job -> job.updatedAt().isBefore(before) && job.mayBeOfferedAgain())
            .sorted(MOST_URGENT_FIRST)
            .toList();
    for (TransportJob job : waiting) {
      if (assignment.offerAgain(job.id())) {
        log.info("Reconciler offered unassigned job {} again", job.id());
        offered++;
      }
    }
    return offered;
  }

  private static Instant deadline(TransportJob job) {
    return job.kind() == JobKind.PICKUP ? job.holdExpiresAt() : job.dueAt();
  }
}
