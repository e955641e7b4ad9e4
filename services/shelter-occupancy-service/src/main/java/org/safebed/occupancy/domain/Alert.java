package org.safebed.occupancy.domain;

import java.time.Instant;

/**
 * Something police must act on about a placement they requested (a resident went missing). Ids and
 * coarse facts only. The id is derived from what caused it, so raising it twice stores it once.
 */
public record Alert(String id, String type, String placementId, String requestedBy, String region, Instant raisedAt) {

  public static final String RESIDENT_MISSING = "RESIDENT_MISSING";

  public static Alert residentMissing(String placementId, String requestedBy, String region, Instant missingSince) {
    return new Alert("missing-" + placementId + "-" + missingSince.toEpochMilli(), RESIDENT_MISSING, placementId,
        requestedBy, region, missingSince);
  }
}
