package org.safebed.transport.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where jobs are kept. Every write is a single-document, conditional one. */
public interface TransportJobs {

  Optional<TransportJob> find(String id);

  /** The pick-up jobs of a placement (one per bed hold, and the record of an early end). */
  PlacementPickups pickupsOf(String placementId);

  /** Stores a new job unless one with its id exists; true if this call created it. */
  boolean createIfAbsent(TransportJob job);

  /**
   * Stores the job's new state and the transition's events in one write, only if the stored job is
   * still at the version it was loaded with. False when somebody changed it meanwhile.
   */
  boolean save(TransportJob job, Transition transition);

  /**
   * Takes the right to assign a waiting job until {@code until}, unless someone else holds it now.
   * Any later {@link #save} ends the lease.
   */
  boolean leaseForAssignment(String id, Instant now, Instant until);

  /** Most recently changed first; {@code status} null for any. */
  List<TransportJob> assignedTo(String driverSubject, JobStatus status, int limit);

  /** Most recently changed first; {@code status} null for any. */
  List<TransportJob> all(JobStatus status, int limit);

  List<TransportJob> offersExpiredAt(Instant now, int limit);

  /** Booked moves whose time has come. */
  List<TransportJob> scheduledDueAt(Instant now, int limit);

  /** Jobs left without a driver, the longest unassigned first. */
  List<TransportJob> unassigned(int limit);

  /** Jobs still waiting for a driver although they last changed before {@code before}. */
  List<TransportJob> pendingSince(Instant before, int limit);
}
