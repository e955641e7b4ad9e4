package org.safebed.transport.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A driver/escort. {@code currentJobId} is the claim that keeps a driver to one active job at a
 * time: it is set and cleared only by conditional single-document updates.
 *
 * @param accountSubject the driver's account, the {@code sub} of their token
 * @param claimedAt when the current job claimed the driver (lets the reconciler tell a claim in
 *     progress from one a crash left behind)
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
    Instant claimedAt) {

  public Driver {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountSubject, "accountSubject");
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(base, "base");
    languages = languages == null ? Set.of() : Set.copyOf(languages);
  }

  /** May this driver be offered this job now (ignoring who else could)? */
  public boolean mayTake(TransportJob job) {
    return vetted
        && onDuty
        && currentJobId == null
        && job.escort().allow(this)
        && !job.excludedDriverIds().contains(id);
  }
}
