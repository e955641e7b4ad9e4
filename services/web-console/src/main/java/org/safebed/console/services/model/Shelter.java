package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A shelter as its manager sees it: code name, region and bed counts; never where it is. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Shelter(String id, String codeName, String region, String status, Beds beds, boolean capacityStale,
    Instant capacityConfirmedAt) {

  /** Compromised is final: no change of status, no confirming its beds for new placements. */
  public boolean compromised() {
    return "COMPROMISED".equals(status);
  }


  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Beds(int available, int held, int occupied, int outOfService) {}
}
