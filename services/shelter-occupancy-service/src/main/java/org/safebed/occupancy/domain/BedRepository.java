package org.safebed.occupancy.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Beds change status only through conditional single-document updates that name the status they
 * expect (and the placement, where one is involved): the database arbitrates every race.
 */
public interface BedRepository {

  /** Creates beds 1..count of a shelter where missing; existing beds are left as they are. */
  void ensureBeds(String shelterId, int count, Instant now);

  /** Atomically takes any AVAILABLE bed of the shelter for the placement; empty if none is left. */
  Optional<Bed> holdAvailable(String shelterId, String placementId, Instant now);

  /** Beds held or occupied by this placement (normally at most one). */
  List<Bed> findByPlacement(String placementId);

  Optional<Bed> findById(String bedId);

  /** HELD by this placement → OCCUPIED. */
  boolean occupy(String bedId, String placementId, Instant now);

  /** HELD or OCCUPIED by this placement → AVAILABLE. */
  boolean release(String bedId, String placementId, Instant now);

  /** AVAILABLE → OUT_OF_SERVICE, or back. */
  boolean changeService(String bedId, boolean inService, Instant now);

  List<Bed> findByShelter(String shelterId);

  Map<String, BedCounts> countByShelter(Collection<String> shelterIds);

  /** HELD or OCCUPIED beds whose status last changed before {@code before}: the reconciler's work list. */
  List<Bed> findAssignedSince(Instant before, int limit);
}
