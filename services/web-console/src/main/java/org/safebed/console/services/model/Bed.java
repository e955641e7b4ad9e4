package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One bed of a shelter and its state: AVAILABLE, HELD, OCCUPIED, OUT_OF_SERVICE or RETIRED.
 *
 * @param outOfServiceReason the service's code for why it is out of service (MAINTENANCE, ...),
 *     null otherwise and for a bed taken out before reasons were recorded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Bed(String id, String status, String outOfServiceReason) {

  public Bed(String id, String status) {
    this(id, status, null);
  }

  /** Only a free bed can be taken out of service. */
  public boolean canGoOutOfService() {
    return "AVAILABLE".equals(status);
  }

  public boolean outOfService() {
    return "OUT_OF_SERVICE".equals(status);
  }
}
