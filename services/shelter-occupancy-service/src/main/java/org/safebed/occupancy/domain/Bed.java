package org.safebed.occupancy.domain;

import java.time.Instant;

/**
 * One bed: the contested resource. It changes hands only by one conditional single-document update
 * on its status, so two placements can never hold it at once.
 *
 * @param placementId the placement holding or occupying it, null when AVAILABLE or OUT_OF_SERVICE
 * @param since when its status last changed (the reconciler leaves fresh changes alone)
 */
public record Bed(String id, String shelterId, BedStatus status, String placementId, Instant since) {

  public static String idFor(String shelterId, int number) {
    return shelterId + "-bed-" + number;
  }
}
