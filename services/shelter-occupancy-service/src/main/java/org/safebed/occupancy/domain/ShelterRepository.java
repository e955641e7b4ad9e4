package org.safebed.occupancy.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface ShelterRepository {

  /** @return false when a shelter with this id already exists (nothing is changed then) */
  boolean insert(Shelter shelter);

  Optional<Shelter> findById(String id);

  List<Shelter> findByIds(Collection<String> ids);

  List<Shelter> findAll();

  /** Open shelters: the candidate set of matching (a small, indexed query). */
  List<Shelter> findOpen();

  void changeStatus(String id, ShelterStatus status);
}
