package org.safebed.occupancy.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Shelters, and the coarse-area index matching searches them by. Every write returns or keeps the
 * index in line; a crash in between leaves it behind, which {@link #reindex} repairs (the index
 * only narrows the search: a hold re-reads the shelter itself).
 */
public interface ShelterRepository {

  /** @return false when a shelter with this id already exists (nothing is changed then) */
  boolean insert(Shelter shelter);

  Optional<Shelter> findById(String id);

  List<Shelter> findByIds(Collection<String> ids);

  List<Shelter> findAll();

  List<Shelter> findByStatus(ShelterStatus status);

  /** Shelters whose coarse area lies in these cells, as last indexed. */
  List<Shelter> findInCells(Collection<GeoCell> cells);

  void changeStatus(String id, ShelterStatus status);

  /** Records that its manager confirmed the bed statuses at {@code at}. */
  void confirmCapacity(String id, Instant at);

  /**
   * Raises the bed slots from {@code expected} to {@code newBedCount}, only if nobody changed them
   * meanwhile; the shelter is marked as missing beds until {@link #bedsCreated} says otherwise.
   */
  boolean addBedSlots(String id, int expected, int newBedCount, Instant confirmedAt);

  /** Its beds up to {@code bedCount} exist now. */
  void bedsCreated(String id, int bedCount);

  /** Shelters whose bed documents may lag behind their bed slots (a crash while adding). */
  List<Shelter> findMissingBeds();

  /** Brings the coarse-area index in line with the shelters; answers how many entries it fixed. */
  int reindex();
}
