package org.safebed.transport.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pick-up jobs of one placement, one per bed hold. A newer hold replaces the current job in
 * one conditional write on that job ({@link TransportJob#replaceBy}) before its own job is stored,
 * so only the job nobody replaced can be live: never two live jobs for one placement.
 */
public final class PlacementPickups {

  private final List<TransportJob> jobs;

  public PlacementPickups(List<TransportJob> jobs) {
    this.jobs = List.copyOf(jobs);
  }

  public boolean isEmpty() {
    return jobs.isEmpty();
  }

  /** The job the bed-held event {@code eventId} created, if it did. */
  public Optional<TransportJob> causedBy(String eventId) {
    return jobs.stream().filter(job -> job.causedBy(eventId)).findFirst();
  }

  /** The job no newer hold replaced: the one the placement's next events are about. */
  public Optional<TransportJob> current() {
    return jobs.stream()
        .filter(job -> !job.isReplaced())
        .max(Comparator.comparing(TransportJob::lastKnownAt).thenComparing(TransportJob::createdAt));
  }

  /**
   * A replacement that was named but is not stored (yet): it is being created, or a crash cut its
   * creation short and the redelivered bed-held that names it will finish it.
   */
  public Optional<String> missingSuccessor() {
    Set<String> stored = jobs.stream().map(TransportJob::id).collect(Collectors.toSet());
    return jobs.stream()
        .map(TransportJob::successorId)
        .filter(Objects::nonNull)
        .filter(id -> !stored.contains(id))
        .findFirst();
  }
}
