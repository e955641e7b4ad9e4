package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A transport job no driver took, as the coordinator's inbox shows it: never a pick-up point. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnassignedJob(
    String id,
    String placementId,
    String kind,
    String status,
    String region,
    boolean minor,
    String unassignedReason,
    Instant createdAt,
    Instant updatedAt) {

  /** Transport re-offers only a job whose pick-up area it knows (409 otherwise). */
  public boolean reofferable() {
    return !"UNKNOWN_PICKUP_AREA".equals(unassignedReason);
  }
}
