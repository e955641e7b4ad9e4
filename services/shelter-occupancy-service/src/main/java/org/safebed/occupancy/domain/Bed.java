package org.safebed.occupancy.domain;

import java.time.Instant;
import java.util.Set;

/**
 * One bed: the contested resource. It changes hands only by one conditional single-document update
 * on its status, so two placements can never hold it at once.
 *
 * @param placementId the placement holding or occupying it, null when AVAILABLE, OUT_OF_SERVICE or RETIRED
 * @param since when its status last changed (the reconciler leaves fresh changes alone)
 * @param occupant who holds it, as far as keep-apart rules need to know (null when free)
 * @param outOfServiceReason why it is OUT_OF_SERVICE (null otherwise, and for a bed taken out of
 *     service before reasons were recorded)
 */
public record Bed(String id, String shelterId, BedStatus status, String placementId, Instant since, Occupant occupant,
    OutOfServiceReason outOfServiceReason) {

  /**
   * The keep-apart facts of the person in a bed, written by the same update that gives her the bed:
   * her case token, the tokens of people she must be kept apart from (keyed hashes, opaque here)
   * and the agency that placed her (keep-apart rules between agencies go through coordinators).
   */
  public record Occupant(String caseToken, Set<String> keepApart, String agency) {
    public Occupant {
      keepApart = keepApart == null ? Set.of() : Set.copyOf(keepApart);
    }

    public Occupant(String caseToken, Set<String> keepApart) {
      this(caseToken, keepApart, null);
    }
  }

  public Bed(String id, String shelterId, BedStatus status, String placementId, Instant since) {
    this(id, shelterId, status, placementId, since, null, null);
  }

  public Bed(String id, String shelterId, BedStatus status, String placementId, Instant since, Occupant occupant) {
    this(id, shelterId, status, placementId, since, occupant, null);
  }

  public static String idFor(String shelterId, int number) {
    return shelterId + "-bed-" + number;
  }

  public boolean isTaken() {
    return status == BedStatus.HELD || status == BedStatus.OCCUPIED;
  }
}
