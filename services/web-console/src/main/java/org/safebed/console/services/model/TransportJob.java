package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Set;

/** A transport job as a driver sees her own. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransportJob(
    String id,
    String kind,
    String status,
    String region,
    boolean minor,
    Integer etaMinutes,
    Instant offerExpiresAt,
    Instant updatedAt) {

  private static final Set<String> ACTIVE = Set.of("OFFERED", "ACCEPTED", "PICKED_UP");

  /** Waiting for her answer or under way: what her screen is about. */
  public boolean active() {
    return ACTIVE.contains(status);
  }

  public boolean offered() {
    return "OFFERED".equals(status);
  }

  /** Accepted, on her way to the pick-up: the pick-up point is hers to see. */
  public boolean goingToPickUp() {
    return "ACCEPTED".equals(status);
  }

  /** She is in the car: the destination is hers to see. */
  public boolean underWay() {
    return "PICKED_UP".equals(status);
  }

  /** What a page last showed of this job, so a refresh can tell whether anything changed. */
  public String version() {
    return id + ":" + status;
  }
}
