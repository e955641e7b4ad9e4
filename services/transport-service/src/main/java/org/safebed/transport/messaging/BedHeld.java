package org.safebed.transport.messaging;

import java.time.Instant;

/** Transport's record of {@code placement.bed-held.v1}: only the fields it reads. */
public record BedHeld(
    String placementId,
    String shelterId,
    String region,
    Boolean minor,
    Area pickupArea,
    Area destinationArea,
    Instant holdExpiresAt) {

  /** A coarse area (pick-up rounded to 0.01°, destination to 0.05°). */
  public record Area(Double lat, Double lon) {}
}
