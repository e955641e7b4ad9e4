package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where the driver picks her up, disclosed to her alone and audited: a point for a pick-up where
 * police found her, an address for a move out of a shelter. Never stored or logged here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pickup(String address, Point location) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Point(double lat, double lon) {}
}
