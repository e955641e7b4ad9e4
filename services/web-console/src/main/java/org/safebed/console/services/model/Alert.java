package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An alert of shelter occupancy's about a placement, as coordinators see it: its type
 * (RESIDENT_MISSING, KEEP_APART_REVIEW, REQUEST_CHURN, NO_SHOW), the region and when. Opaque ids only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alert(String id, String type, String placementId, String relatedPlacementId, String region,
    Instant raisedAt) {

  /** A coordinator must judge it: keep-apart across agencies, or an account that may be probing. */
  public boolean toJudge() {
    return "KEEP_APART_REVIEW".equals(type) || "REQUEST_CHURN".equals(type);
  }
}
