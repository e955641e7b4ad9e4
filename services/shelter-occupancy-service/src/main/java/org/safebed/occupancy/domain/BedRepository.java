package org.safebed.occupancy.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Beds change status only through conditional single-document updates that name the status they
 * expect (and the placement, where one is involved): the database arbitrates every race. A
 * placement holds at most one bed: the store refuses a second one ({@link PlacementHasBedException}).
 */
public interface BedRepository {

  /** Thrown when a placement that already holds a bed tries to take another. */
  final class PlacementHasBedException extends RuntimeException {
    public PlacementHasBedException() {
      super("the placement already holds a bed", null, false, false);
    }
  }

  /** Creates beds 1..count of a shelter where missing; existing beds are left as they are. */
  void ensureBeds(String shelterId, int count, Instant now);

  /** Atomically takes this bed for the placement if it is AVAILABLE; empty if it is not. */
  Optional<Bed> hold(String bedId, String placementId, Bed.Occupant occupant, Instant now);

  /** Beds held or occupied by this placement (at most one). */
  List<Bed> findByPlacement(String placementId);

  Optional<Bed> findById(String bedId);

  /** All beds of a shelter (its bed slots), by id. */
  List<Bed> findByShelter(Shelter shelter);

  /**
   * Some AVAILABLE beds of the shelter, at most {@code limit}: what matching may try to hold there.
   * Empty only if none of its beds is available.
   */
  List<String> availableBedIds(Shelter shelter, int limit);

  /**
   * A few randomly chosen beds of each shelter, those of them AVAILABLE, in one read: enough to
   * tell for most shelters that they have a free bed. A shelter none of whose sampled beds is free
   * maps to an empty list and may still have one ({@link #availableBedIds} tells).
   */
  Map<String, List<String>> sampleAvailableBedIds(List<Shelter> shelters, int perShelter);

  /**
   * Beds held or occupied by someone who may be in a keep-apart relation with the occupant
   * described: whose case token is among hers to keep apart from, or who names her case token. The
   * rule itself is {@link Placement#mustBeKeptApartFrom}; this only finds whom it must look at.
   */
  List<Bed> findTakenSharingKeepApartTokens(Bed.Occupant her);

  /** HELD by this placement → OCCUPIED. */
  boolean occupy(String bedId, String placementId, Instant now);

  /** HELD or OCCUPIED by this placement → AVAILABLE. */
  boolean release(String bedId, String placementId, Instant now);

  /** AVAILABLE → OUT_OF_SERVICE with its reason, or back (null reason: the reason goes). */
  boolean changeService(String bedId, boolean inService, OutOfServiceReason reason, Instant now);

  /** A bed already OUT_OF_SERVICE gets another reason; false if it is no longer out of service. */
  boolean changeOutOfServiceReason(String bedId, OutOfServiceReason reason);

  /** AVAILABLE or OUT_OF_SERVICE → RETIRED. */
  boolean retire(String bedId, Instant now);

  Map<String, BedCounts> countByShelter(Collection<String> shelterIds);

  /** HELD or OCCUPIED beds whose status last changed before {@code before}: the reconciler's work list. */
  List<Bed> findAssignedSince(Instant before, int limit);
}
