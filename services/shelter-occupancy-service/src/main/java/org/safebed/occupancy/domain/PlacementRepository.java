package org.safebed.occupancy.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface PlacementRepository {

  /** Thrown by {@link #insert} when the requester already used this idempotency key. */
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

  /** Placements of this requester that hold or are about to hold a bed. */
  long countActiveHolds(String requestedBy);

  List<Placement> findHeldExpiredAt(Instant now, int limit);

  /** Oldest first: the waitlist is served in order of request. */
  List<Placement> findWaitlisted(int limit);

  List<Placement> findPendingCreatedBefore(Instant before, int limit);
}
