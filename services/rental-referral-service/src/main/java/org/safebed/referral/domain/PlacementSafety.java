package org.safebed.referral.domain;

import java.util.List;

/**
 * Where a resident's safety constraints come from: shelter occupancy, to which police gave them
 * with her placement. A referral carries them over so that her home keeps her out of the same
 * zones and away from the same people.
 */
public interface PlacementSafety {

  /**
   * Her placement's exclusion zones and her own case token, and the keep-apart tokens of her
   * placement and of the case references the officer adds (tokenised by occupancy, with the key
   * every other token has), for a referral this officer makes.
   *
   * @throws NotDisclosedException shelter occupancy refuses (she is not checked in there)
   * @throws UnavailableException shelter occupancy cannot be asked now
   */
  PlacementConstraints forReferral(String placementId, String officerSubject, List<String> officersKeepApartRefs);

  /**
   * @param caseToken keyed hash of her own case reference, what others' keep-apart tokens compare with
   * @param safety her exclusion zones and the keep-apart tokens of people she must be kept apart from
   */
  record PlacementConstraints(String caseToken, SafetyConstraints safety) {
    @Override
    public String toString() {
      return "PlacementConstraints[" + safety + "]"; // never the token
    }
  }

  final class NotDisclosedException extends RuntimeException {
    public NotDisclosedException() {
      super("shelter occupancy did not disclose the placement's safety constraints", null, false, false);
    }
  }

  final class UnavailableException extends RuntimeException {
    public UnavailableException(String cause) {
      super("shelter occupancy could not be asked: " + cause, null, false, false);
    }
  }
}
