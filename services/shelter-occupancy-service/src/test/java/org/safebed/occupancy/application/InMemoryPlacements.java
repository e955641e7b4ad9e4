package org.safebed.occupancy.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementEvent;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.PlacementTimeline;

/**
 * Placements in memory with the store's optimistic rule: a save wins only over the version it was
 * loaded at. A test can let another writer change a placement just before a save.
 */
final class InMemoryPlacements implements PlacementRepository {

  private final Map<String, Placement> placements = new LinkedHashMap<>();
  final List<PlacementEvent> events = new ArrayList<>();
  int saves;
  int waitlistReads;
  /**
   * Runs before each save with what is stored: what another writer stores meanwhile (its answer
   * replaces it, with the next version), or null to change nothing.
   */
  UnaryOperator<Placement> concurrentWriter = stored -> null;

  @Override
  public void insert(Placement placement) {
    placements.put(placement.id(), placement);
  }

  @Override
  public Optional<Placement> findById(String id) {
    return Optional.ofNullable(placements.get(id));
  }

  @Override
  public Optional<Placement> save(Placement changed, List<PlacementEvent> newEvents) {
    saves++;
    Placement theirs = concurrentWriter.apply(placements.get(changed.id()));
    if (theirs != null) {
      store(theirs);
    }
    if (placements.get(changed.id()).version() != changed.version()) {
      return Optional.empty();
    }
    events.addAll(newEvents);
    return Optional.of(store(changed));
  }

  private Placement store(Placement changed) {
    Placement stored = withVersion(changed, placements.get(changed.id()).version() + 1);
    placements.put(stored.id(), stored);
    return stored;
  }

  @Override
  public List<Placement> findWaitlisted(int limit) {
    waitlistReads++;
    return placements.values().stream()
        .filter(p -> p.status() == PlacementStatus.WAITLISTED)
        .sorted(Comparator.comparing((Placement p) -> -p.urgency().rank()).thenComparing(Placement::createdAt))
        .limit(limit)
        .toList();
  }

  static Placement withVersion(Placement p, long version) {
    return new Placement(p.id(), p.status(), p.requestedBy(), p.requesterAgency(), p.request(), p.sealedCaseRef(),
        p.caseToken(), p.idempotencyKey(), p.requestFingerprint(), p.hold(), p.transport(), p.moveTransport(),
        p.checkOutReason(), p.initialOutcome(), p.relocatedFrom(), p.relocatedTo(), p.firstHeldAt(), p.checkedInAt(),
        p.firstAssignedAt(), p.missingSince(), p.bedKeptUntil(), p.escalatedAt(), p.matchReasons(), p.createdAt(),
        p.updatedAt(), version);
  }

  @Override
  public Optional<Placement> findByIdempotencyKey(String requestedBy, String idempotencyKey) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<Placement> findHeldExpiredAt(Instant now, int limit) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<Placement> findLatest(String requestedBy, Collection<String> shelterIds, PlacementStatus status,
      int limit) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<Placement> findWaitlistedUnescalatedBefore(Instant before, int limit) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<Placement> findEscalated(int limit) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<Placement> findPendingCreatedBefore(Instant before, int limit) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<Placement> findMissingBedRunOut(Instant now, int limit) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<Placement> findWithBedAt(String shelterId) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<PlacementTimeline> timelinesCreatedSince(Instant since) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public long countByStatus(PlacementStatus status) {
    throw new UnsupportedOperationException("not on the matching path");
  }
}
