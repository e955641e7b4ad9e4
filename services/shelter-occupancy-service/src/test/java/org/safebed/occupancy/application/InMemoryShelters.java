package org.safebed.occupancy.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safebed.occupancy.domain.GeoCell;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.occupancy.domain.ShelterStatus;

/** Shelters in memory, indexed by the cell of their area; remembers what matching read. */
final class InMemoryShelters implements ShelterRepository {

  private final Map<String, Shelter> shelters = new LinkedHashMap<>();
  /** Every cell asked for, in order (a cell read twice appears twice). */
  final List<GeoCell> cellsRead = new ArrayList<>();
  /** Every shelter the cell reads answered. */
  final List<String> sheltersFoundInCells = new ArrayList<>();

  Shelter add(Shelter shelter) {
    shelters.put(shelter.id(), shelter);
    return shelter;
  }

  @Override
  public boolean insert(Shelter shelter) {
    return shelters.putIfAbsent(shelter.id(), shelter) == null;
  }

  @Override
  public Optional<Shelter> findById(String id) {
    return Optional.ofNullable(shelters.get(id));
  }

  @Override
  public List<Shelter> findInCells(Collection<GeoCell> cells) {
    cellsRead.addAll(cells);
    List<Shelter> found = shelters.values().stream().filter(s -> cells.contains(GeoCell.of(s.area()))).toList();
    found.forEach(s -> sheltersFoundInCells.add(s.id()));
    return found;
  }

  @Override
  public void changeStatus(String id, ShelterStatus status) {
    shelters.computeIfPresent(id, (key, shelter) -> shelter.withStatus(status));
  }

  @Override
  public List<Shelter> findByIds(Collection<String> ids) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<Shelter> findAll() {
    throw new UnsupportedOperationException("matching never reads every shelter");
  }

  @Override
  public List<Shelter> findByStatus(ShelterStatus status) {
    throw new UnsupportedOperationException("matching never reads shelters by status");
  }

  @Override
  public void confirmCapacity(String id, Instant at) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public boolean addBedSlots(String id, int expected, int newBedCount, Instant confirmedAt) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public void bedsCreated(String id, int bedCount) {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public List<Shelter> findMissingBeds() {
    throw new UnsupportedOperationException("not on the matching path");
  }

  @Override
  public int reindex() {
    throw new UnsupportedOperationException("not on the matching path");
  }
}
