package org.safebed.occupancy.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.Placement;

/**
 * Her keep-apart relations with people in beds (either of them named the other): the shelters
 * matching must not send her to (rules within one agency), and, by shelter, the placements of
 * other agencies she has a rule with (for coordinators to judge, see {@link Placement#mustBeKeptApartFrom}).
 */
record KeepApartRelations(Set<String> forbiddenShelters, Map<String, List<String>> acrossAgenciesByShelter) {

  static final KeepApartRelations NONE = new KeepApartRelations(Set.of(), Map.of());

  static KeepApartRelations of(Placement placement, BedRepository beds) {
    if (!placement.hasKeepApartFacts()) {
      return NONE;
    }
    Set<String> forbidden = new HashSet<>();
    Map<String, List<String>> acrossAgencies = new HashMap<>();
    for (Bed bed : beds.findTakenSharingKeepApartTokens(placement.asOccupant())) {
      if (placement.id().equals(bed.placementId())) {
        continue;
      }
      if (placement.mustBeKeptApartFrom(bed.occupant())) {
        forbidden.add(bed.shelterId());
      } else if (placement.sharesKeepApartRuleAcrossAgencies(bed.occupant())) {
        acrossAgencies.computeIfAbsent(bed.shelterId(), shelter -> new ArrayList<>()).add(bed.placementId());
      }
    }
    return new KeepApartRelations(forbidden, acrossAgencies);
  }
}
