package org.safebed.occupancy.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface PlacementRepository {

  /** Thrown by {@link #insert} when the requester already used this idempotency key (or the id exists). */
  final class DuplicateRequestException extends RuntimeException {
    public DuplicateRequestException() {
      super("idempotency key already used by this requester", null, false, false);
    }
  }

  void insert(Placement placement);

  Optional<Placement> findById(String id);

  Optional<Placement> findByIdempotencyKey(String requestedBy, String idempotencyKey);

  /**
   * Stores a changed placement and its events in one write, only if nobody changed it since it was
   * loaded (same {@code version}).
   *
   * @return the stored placement with its new version, empty when the version no longer matches
   */
  Optional<Placement> save(Placement changed, List<PlacementEvent> events);

  List<Placement> findHeldExpiredAt(Instant now, int limit);

  /** The waitlist in the order it is served: most urgent first, then oldest. */
  List<Placement> findWaitlisted(int limit);

  /**
   * Placements newest first, not anonymised: of one requester, or with a bed at one of the
   * shelters, or (both null) all; in one status when it is not null.
   */
  List<Placement> findLatest(String requestedBy, Collection<String> shelterIds, PlacementStatus status, int limit);

  /** Waitlisted since before {@code before} and not escalated yet. */
  List<Placement> findWaitlistedUnescalatedBefore(Instant before, int limit);

  /** Escalated placements still waitlisted, in waitlist order. */
  List<Placement> findEscalated(int limit);

  List<Placement> findPendingCreatedBefore(Instant before, int limit);

  /** Missing residents whose kept bed ran out. */
  List<Placement> findMissingBedRunOut(Instant now, int limit);

  /** Placements with a person in (or on the way to) a bed of this shelter. */
  List<Placement> findWithBedAt(String shelterId);

  /** The timelines of placements created since {@code since}, anonymised ones included (statistics). */
  List<PlacementTimeline> timelinesCreatedSince(Instant since);

  long countByStatus(PlacementStatus status);
}
