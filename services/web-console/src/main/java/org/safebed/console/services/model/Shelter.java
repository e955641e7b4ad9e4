package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A shelter as its manager sees it: code name, region and bed counts; never where it is. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Shelter(String id, String codeName, String region, String status, Beds beds, boolean capacityStale) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Beds(int available, int held, int occupied, int outOfService) {}
}
