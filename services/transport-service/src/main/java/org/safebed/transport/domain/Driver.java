package org.safebed.transport.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A driver/escort. {@code currentJobId} is the claim that keeps a driver to one active job at a
 * time: it is set and cleared only by conditional single-document updates.
 *
 * @param accountSubject the driver's account, the {@code sub} of their token
 * @param claimedAt when the current job claimed the driver (lets the reconciler tell a claim in
 *     progress from one a crash left behind)
 * @param dutyWindows when an on-duty driver may be offered work; none means whenever on duty
 * @param retired retired by a coordinator: never offered a job again, never on duty
 */
public record Driver(
    String id,
    String accountSubject,
    boolean vetted,
    Gender gender,
    Set<String> languages,
    boolean canEscortMinors,
    GeoPoint base,
    boolean onDuty,
    String currentJobId,
    Instant claimedAt,
    List<DutyWindow> dutyWindows,
    boolean retired) {

  public Driver {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountSubject, "accountSubject");
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(base, "base");
    languages = languages == null ? Set.of() : Set.copyOf(languages);
    dutyWindows = dutyWindows == null ? List.of() : List.copyOf(dutyWindows);
  }

  /** A driver in service (not retired). */
  public Driver(
      String id,
      String accountSubject,
      boolean vetted,
      Gender gender,
      Set<String> languages,
      boolean canEscortMinors,
      GeoPoint base,
      boolean onDuty,
      String currentJobId,
      Instant claimedAt,
      List<DutyWindow> dutyWindows) {
    this(id, accountSubject, vetted, gender, languages, canEscortMinors, base, onDuty, currentJobId, claimedAt,
        dutyWindows, false);
  }

  /** A driver without duty windows: available whenever on duty. */
  public Driver(
      String id,
      String accountSubject,
      boolean vetted,
      Gender gender,
      Set<String> languages,
      boolean canEscortMinors,
      GeoPoint base,
      boolean onDuty,
      String currentJobId,
      Instant claimedAt) {
    this(id, accountSubject, vetted, gender, languages, canEscortMinors, base, onDuty, currentJobId, claimedAt, List.of());
  }

  /** On duty and, if she has duty windows, inside one of them. */
  public boolean onDutyAt(Instant now) {
    return onDuty && (dutyWindows.isEmpty() || dutyWindows.stream().anyMatch(window -> window.contains(now)));
  }

  /** May this driver be offered this job at {@code now} (ignoring who else could)? */
  public boolean mayTake(TransportJob job, Instant now) {
    return mayTake(job) && onDutyAt(now);
  }

  /**
   * Would this driver still be allowed to take the job were she free and on duty: vetted, and within
   * its escort rules. A profile change that breaks this withdraws an offer she has not answered.
   */
  public boolean qualifiesFor(TransportJob job) {
    return !retired && vetted && job.escort().allow(this);
  }

  /** May this driver be offered this job, duty windows aside (ignoring who else could)? */
  public boolean mayTake(TransportJob job) {
    return !retired
        && vetted
        && onDuty
        && currentJobId == null
        && job.escort().allow(this)
        && !job.excludedDriverIds().contains(id);
  }
}
