package org.safebed.occupancy.domain;

import java.util.Set;

/**
 * What her shelter prepares for: coarse facts, nothing that identifies her (no exact age, no case
 * reference, no location). Gender because a shelter taking more than one assigns rooms by it; the
 * escort gender she asked for, if any, so that someone of it receives her at the hand-over.
 */
public record Arrival(AgeBand ageBand, Gender gender, Set<Need> needs, EscortGender escortGender) {

  public Arrival {
    needs = Set.copyOf(needs);
  }
}
