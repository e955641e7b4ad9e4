package org.safebed.occupancy.domain;

import java.time.Instant;

/**
 * Something someone must act on about a placement: police about those they requested (a resident
 * went missing), coordinators about any (alerts without a requester are theirs alone). Ids and
 * coarse facts only. The id is derived from what caused it, so raising it twice stores it once.
 *
 * @param relatedPlacementId the other placement concerned (a keep-apart rule), or null
 * @param requestedBy the police officer who may see it, null for coordinators only
 */
public record Alert(String id, String type, String placementId, String relatedPlacementId, String requestedBy,
    String region, Instant raisedAt) {

  public static final String RESIDENT_MISSING = "RESIDENT_MISSING";
  public static final String KEEP_APART_REVIEW = "KEEP_APART_REVIEW";
  public static final String REQUEST_CHURN = "REQUEST_CHURN";
  public static final String NO_SHOW = "NO_SHOW";

  public static Alert residentMissing(String placementId, String requestedBy, String region, Instant missingSince) {
    return new Alert("missing-" + placementId + "-" + missingSince.toEpochMilli(), RESIDENT_MISSING, placementId,
        null, requestedBy, region, missingSince);
  }

  /** A bed was held for her and she never arrived: her requester must find out why. Once per placement. */
  public static Alert noShow(String placementId, String requestedBy, String region, Instant reportedAt) {
    return new Alert("no-show-" + placementId, NO_SHOW, placementId, null, requestedBy, region, reportedAt);
  }

  /**
   * She holds a bed in the shelter of someone she has a keep-apart rule with, placed by another
   * agency: matching did not apply the rule by itself (it would have told the requester where the
   * other one lives), so a coordinator judges it and relocates one of them if it is real.
   */
  public static Alert keepApartReview(String placementId, String otherPlacementId, String region, Instant now) {
    return new Alert("keep-apart-" + placementId + "-" + otherPlacementId, KEEP_APART_REVIEW, placementId,
        otherPlacementId, null, region, now);
  }

  /**
   * A police account cancels so many fresh requests that it may be probing where shelters are;
   * its further requests are refused for a while. One alert per account and window.
   */
  public static Alert requestChurn(String placementId, String window, Instant now) {
    return new Alert("churn-" + placementId + "-" + window, REQUEST_CHURN, placementId, null, null, null, now);
  }
}
