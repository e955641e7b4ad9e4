package org.safebed.occupancy.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedCounts;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.BedStatus;
import org.safebed.occupancy.domain.OutOfServiceReason;
import org.safebed.occupancy.domain.Shelter;

/**
 * Beds in memory with the store's rules: a bed is taken only while AVAILABLE, and a placement
 * holds at most one. Remembers what matching read, and lets a test act just before or after a
 * hold (another request, a manager) as if it raced it.
 */
final class InMemoryBeds implements BedRepository {

  private final Map<String, Bed> beds = new LinkedHashMap<>();
  /** The shelters of each sampling read, one list per read. */
  final List<List<String>> sampled = new ArrayList<>();
  /** The shelters whose free beds were read one by one. */
  final List<String> readWhole = new ArrayList<>();
  /** Every bed a hold was tried for, in order. */
  final List<String> holdsTried = new ArrayList<>();
  int keepApartReads;
  /** Runs before each hold with the bed's id: what another writer did just before. */
  Consumer<String> beforeHold = bedId -> {};
  /** Runs after each successful hold with the bed's id: what another writer did just after. */
  Consumer<String> afterHold = bedId -> {};

  void addBeds(Shelter shelter) {
    for (String id : shelter.bedIds()) {
      beds.put(id, new Bed(id, shelter.id(), BedStatus.AVAILABLE, null, Instant.EPOCH));
    }
  }

  /** Another placement takes the bed, as if it won the race for it. */
  void takenBy(String bedId, String placementId, Bed.Occupant occupant) {
    Bed bed = beds.get(bedId);
    beds.put(bedId, new Bed(bedId, bed.shelterId(), BedStatus.HELD, placementId, Instant.EPOCH, occupant));
  }

  Bed bed(String bedId) {
    return beds.get(bedId);
  }

  List<Bed> takenBy(String placementId) {
    return beds.values().stream().filter(b -> b.isTaken() && placementId.equals(b.placementId())).toList();
  }

  @Override
  public Optional<Bed> hold(String bedId, String placementId, Bed.Occupant occupant, Instant now) {
    holdsTried.add(bedId);
    beforeHold.accept(bedId);
    Bed bed = beds.get(bedId);
    if (bed == null || bed.status() != BedStatus.AVAILABLE) {
      return Optional.empty();
    }
    if (!takenBy(placementId).isEmpty()) {
      throw new PlacementHasBedException();
    }
    Bed held = new Bed(bedId, bed.shelterId(), BedStatus.HELD, placementId, now, occupant);
    beds.put(bedId, held);
    afterHold.accept(bedId);
    return Optional.of(held);
  }

  @Override
  public List<Bed> findByPlacement(String placementId) {
    return beds.values().stream().filter(b -> placementId.equals(b.placementId())).toList();
  }

  @Override
  public Optional<Bed> findById(String bedId) {
    return Optional.ofNullable(beds.get(bedId));
  }

  @Override
  public List<String> availableBedIds(Shelter shelter, int limit) {
    readWhole.add(shelter.id());
    return freeOf(shelter.id()).stream().limit(limit).toList();
  }

  /** Samples each shelter's first beds by number (the store picks them at random). */
  @Override
  public Map<String, List<String>> sampleAvailableBedIds(List<Shelter> shelters, int perShelter) {
    sampled.add(shelters.stream().map(Shelter::id).toList());
    Map<String, List<String>> free = new LinkedHashMap<>();
    for (Shelter shelter : shelters) {
      free.put(shelter.id(), shelter.bedIds().stream().limit(perShelter)
          .filter(id -> beds.get(id) != null && beds.get(id).status() == BedStatus.AVAILABLE)
          .toList());
    }
    return free;
  }

  @Override
  public List<Bed> findTakenSharingKeepApartTokens(Bed.Occupant her) {
    keepApartReads++;
    return beds.values().stream()
        .filter(bed -> bed.isTaken() && bed.occupant() != null)
        .filter(bed -> her.keepApart().contains(bed.occupant().caseToken())
            || (her.caseToken() != null && bed.occupant().keepApart().contains(her.caseToken())))
        .toList();
  }

  @Override
  public boolean release(String bedId, String placementId, Instant now) {
    Bed bed = beds.get(bedId);
    if (bed == null || !bed.isTaken() || !placementId.equals(bed.placementId())) {
      return false;
    }
    beds.put(bedId, new Bed(bedId, bed.shelterId(), BedStatus.AVAILABLE, null, now));
    return true;
  }

  private List<String> freeOf(String shelterId) {
    return beds.values().stream()
        .filter(b -> b.shelterId().equals(shelterId) && b.status() == BedStatus.AVAILABLE)
        .map(Bed::id)
        .toList();
  }

  @Override
  public void ensureBeds(String shelterId, int count, Instant now) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<Bed> findByShelter(Shelter shelter) {
    throw new UnsupportedOperationException("matching never reads every bed of a shelter");
  }

  @Override
  public boolean occupy(String bedId, String placementId, Instant now) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public boolean changeService(String bedId, boolean inService, OutOfServiceReason reason, Instant now) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public boolean changeOutOfServiceReason(String bedId, OutOfServiceReason reason) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public boolean retire(String bedId, Instant now) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public Map<String, BedCounts> countByShelter(Collection<String> shelterIds) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<Bed> findAssignedSince(Instant before, int limit) {
    throw new UnsupportedOperationException("not on the matching path");
  }
}
