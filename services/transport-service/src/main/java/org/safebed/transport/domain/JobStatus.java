package org.safebed.transport.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a transport job stands. */
public enum JobStatus {
  /** Booked for a later day (a move at move-in); becomes {@link #PENDING} when it is due. */
  SCHEDULED,
  /** Waiting for a driver to be chosen (just created, or after a decline or an expired offer). */
  PENDING,
  /** Offered to one driver, who holds it until they answer or the offer expires. */
  OFFERED,
  ACCEPTED,
  PICKED_UP,
  DELIVERED,
  /**
   * Nothing left to do: the shelter checked her in, or she was delivered and her placement then
   * ended (cancelled, expired, checked out, held again), or her move to rental was delivered.
   */
  COMPLETED,
  /**
   * The placement ended before she was delivered (hold expired, cancelled), or a new hold replaced
   * it.
   */
  CANCELLED,
  /**
   * No driver could take it: coordinators see it and act. Not final: it is offered again when a
   * driver who fits becomes free, or when a coordinator re-offers it.
   */
  UNASSIGNED;

  private static final Set<JobStatus> HOLDING_DRIVER = EnumSet.of(OFFERED, ACCEPTED, PICKED_UP);
  private static final Set<JobStatus> FINAL = EnumSet.of(COMPLETED, CANCELLED);

  /** The job keeps a driver busy: the driver's {@code currentJobId} points at it. */
  public boolean holdsDriver() {
    return HOLDING_DRIVER.contains(this);
  }

  /** Nothing changes a job in this status any more. */
  public boolean isFinal() {
    return FINAL.contains(this);
  }
}
