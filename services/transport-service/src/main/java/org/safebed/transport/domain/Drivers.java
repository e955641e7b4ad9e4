package org.safebed.transport.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where drivers are kept. A driver changes hands only through {@link #claim}. */
public interface Drivers {

  Optional<Driver> find(String id);

  Optional<Driver> findBySubject(String accountSubject);

  List<Driver> all(int limit);

  /**
   * The small set an assignment ranks: not retired, vetted, on duty (inside a duty window at {@code now} if
   * she has any), free, and within the escort rules of {@code escort} (may escort minors when she
   * is one, of the gender she asked for). Distances and languages are weighed by the caller.
   */
  List<Driver> available(EscortNeeds escort, Instant now, int limit);

  /**
   * Claims a free driver for a job in one conditional write (still vetted, on duty and inside a duty
   * window at {@code now} if she has any, free, and within the escort rules). False if someone else
   * got there first or she is no longer available.
   */
  boolean claim(String driverId, String jobId, EscortNeeds escort, Instant now);

  /** Frees the driver if (and only if) this job still holds them. */
  boolean release(String driverId, String jobId);

  /** Drivers held by a job since before {@code before}: the reconciler checks each still should be. */
  List<Driver> claimedSince(Instant before, int limit);

  /** Registers a new driver; false if the account already has one. */
  boolean register(Driver driver);

  /** Sets the driver's profile, keeping their duty and claim as they are (creates it if missing). */
  void upsertProfile(Driver driver);

  /**
   * Replaces what a coordinator manages (vetting, gender, languages, escort right, base, duty
   * windows) of an existing driver, keeping her account, duty switch and claim; empty if unknown.
   */
  Optional<Driver> changeProfile(Driver profile);

  /** Sets the duty switch of a driver who is not retired; empty if there is none. */
  Optional<Driver> setOnDuty(String accountSubject, boolean onDuty);

  /**
   * Retires a driver who holds no job, off duty, in one conditional write (a claim racing with it
   * finds her retired, or holds her first and this fails); empty if she is unknown or holds a job.
   */
  Optional<Driver> retire(String driverId);
}
