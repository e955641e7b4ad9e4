package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One bed of a shelter and its state: AVAILABLE, HELD, OCCUPIED, OUT_OF_SERVICE or RETIRED. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Bed(String id, String status) {

  /** Only a free bed can be taken out of service. */
  public boolean canGoOutOfService() {
    return "AVAILABLE".equals(status);
  }

  public boolean outOfService() {
    return "OUT_OF_SERVICE".equals(status);
  }
}
