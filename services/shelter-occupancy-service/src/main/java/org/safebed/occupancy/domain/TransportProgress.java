package org.safebed.occupancy.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The transport of a placement as learnt from transport events, which may come twice or out of
 * order. Progress never goes back (a late "assigned" after "delivered" changes nothing); FAILED is
 * left only by a newer event (transport re-planned); events of an older job than the current one
 * are ignored.
 *
 * @param statusAt when the event that set the status occurred
 * @param driverAt when the assignment that named the driver occurred
 */
public record TransportProgress(
    TransportStatus status,
    String jobId,
    String driverId,
    Integer etaMinutes,
    Instant statusAt,
    Instant driverAt) {

  public static final TransportProgress NONE =
      new TransportProgress(TransportStatus.NOT_ASSIGNED, null, null, null, null, null);

  public TransportProgress assigned(String job, String driver, int eta, Instant occurredAt) {
    if (isStale(job, occurredAt)) {
      return this;
    }
    boolean newJob = jobId != null && !jobId.equals(job);
    TransportProgress current = newJob ? NONE : this;
    boolean newerAssignment = current.driverAt == null || occurredAt.isAfter(current.driverAt);
    String newDriver = newerAssignment ? driver : current.driverId;
    Integer newEta = newerAssignment ? Integer.valueOf(eta) : current.etaMinutes;
    Instant newDriverAt = newerAssignment ? occurredAt : current.driverAt;
    boolean moves =
        current.status == TransportStatus.NOT_ASSIGNED
            || (current.status == TransportStatus.FAILED && occurredAt.isAfter(current.statusAt));
    return new TransportProgress(
        moves ? TransportStatus.ASSIGNED : current.status,
        job,
        newDriver,
        newEta,
        moves ? occurredAt : current.statusAt,
        newDriverAt);
  }

  public TransportProgress progressed(String job, TransportStatus reached, Instant occurredAt) {
    if (reached == TransportStatus.ASSIGNED || reached == TransportStatus.NOT_ASSIGNED) {
      throw new IllegalArgumentException("use assigned() for assignments");
    }
    if (isStale(job, occurredAt)) {
      return this;
    }
    boolean newJob = jobId != null && !jobId.equals(job);
    TransportProgress current = newJob ? NONE : this;
    boolean applies;
    if (reached == TransportStatus.FAILED) {
      applies = current.status != TransportStatus.DELIVERED
          && (current.statusAt == null || !occurredAt.isBefore(current.statusAt));
    } else if (current.status == TransportStatus.FAILED) {
      applies = occurredAt.isAfter(current.statusAt);
    } else {
      applies = reached.isAheadOf(current.status);
    }
    if (!applies) {
      return this;
    }
    return new TransportProgress(reached, job, current.driverId, current.etaMinutes, occurredAt, current.driverAt);
  }

  /** Whether this driver, on this job, is the one currently taking the person to her shelter. */
  public boolean isUnderwayWith(String driver, String job) {
    return (status == TransportStatus.ASSIGNED || status == TransportStatus.PICKED_UP)
        && driver != null
        && driver.equals(driverId)
        && job != null
        && job.equals(jobId);
  }

  /** Whether this driver delivered on this job less than {@code grace} before {@code now}. */
  public boolean deliveredBy(String driver, String job, Duration grace, Instant now) {
    return status == TransportStatus.DELIVERED
        && driver != null
        && driver.equals(driverId)
        && job != null
        && job.equals(jobId)
        && statusAt != null
        && now.isBefore(statusAt.plus(grace));
  }

  /** An event of another job that is older than what we know belongs to a replaced job. */
  private boolean isStale(String job, Instant occurredAt) {
    if (jobId == null || jobId.equals(job)) {
      return false;
    }
    Instant known = latest(statusAt, driverAt);
    return known != null && !occurredAt.isAfter(known);
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isAfter(b) ? a : b;
  }
}
