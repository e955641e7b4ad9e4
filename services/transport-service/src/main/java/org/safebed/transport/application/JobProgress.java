package org.safebed.transport.application;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import org.safebed.platform.refusal.Refusal;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.IllegalTransition;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.safebed.transport.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The assigned driver moves their job on: accept, decline, pick up, deliver. A job that is not
 * the caller's is "not found" (drivers must not learn which other jobs exist); a step the job's
 * status does not allow is a conflict; repeating the step just taken changes nothing.
 */
@Service
public class JobProgress {

  private static final Logger log = LoggerFactory.getLogger(JobProgress.class);
  private static final int ATTEMPTS = 3;

  private final TransportJobs jobs;
  private final Drivers drivers;
  private final JobAssignment assignment;
  private final UnassignedJobs unassigned;
  private final Clock clock;

  public JobProgress(
      TransportJobs jobs, Drivers drivers, JobAssignment assignment, UnassignedJobs unassigned, Clock clock) {
    this.jobs = jobs;
    this.drivers = drivers;
    this.assignment = assignment;
    this.unassigned = unassigned;
    this.clock = clock;
  }

  public TransportJob accept(String driverSubject, String jobId) {
    return change(driverSubject, jobId, (job, now) -> job.accept(driverSubject, now)).job();
  }

  /** The job goes back to waiting and is offered to the next best driver (never this one). */
  public void decline(String driverSubject, String jobId) {
    Changed changed = change(driverSubject, jobId, (job, now) -> job.decline(driverSubject, now));
    drivers.release(changed.driverId(), jobId);
    assignment.assign(jobId);
  }

  public TransportJob pickUp(String driverSubject, String jobId) {
    return change(driverSubject, jobId, (job, now) -> job.pickUp(driverSubject, now)).job();
  }

  /** Delivered: the driver is free for the next job, an unassigned one first if they fit it. */
  public TransportJob deliver(String driverSubject, String jobId) {
    Changed changed = change(driverSubject, jobId, (job, now) -> job.deliver(driverSubject, now));
    if (drivers.release(changed.driverId(), jobId)) {
      unassigned.driverMayBeFree(changed.driverId());
    }
    return changed.job();
  }

  private Changed change(
      String driverSubject, String jobId, BiFunction<TransportJob, Instant, Transition> step) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      TransportJob job = Refusal.visibleOrNotFound(
          jobs.find(jobId), found -> found.isAssignedTo(driverSubject), "Transport job");
      String driverId = job.driverId();
      Transition transition;
      try {
        transition = step.apply(job, clock.instant());
      } catch (IllegalTransition e) {
        throw new Refusal.Conflict(e.getMessage());
      } catch (TransportJob.NotAssigned e) {
        throw Refusal.NotFound.foreign("Transport job");
      }
      if (!transition.changed() || jobs.save(job, transition)) {
        if (transition.changed()) {
          log.info("Job {} is now {} (driver {})", jobId, job.status(), driverId);
        }
        return new Changed(job, driverId);
      }
    }
    throw new Refusal.Conflict("The job changed meanwhile; look at it again");
  }

  private record Changed(TransportJob job, String driverId) {}
}
