package org.safebed.transport.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Transport's record of {@code placement.bed-held.v1}: only the fields it reads.
 *
 * @param escortGender FEMALE or MALE when she asked for an escort of that gender; absent: no preference
 * @param languages the languages she speaks (ISO 639-1); absent or empty: no requirement
 */
public record BedHeld(
    String placementId,
    String shelterId,
    String region,
    Boolean minor,
    String escortGender,
    List<String> languages,
    Area pickupArea,
    Area destinationArea,
    Instant holdExpiresAt) {

  /** A coarse area (pick-up rounded to 0.01°, destination to 0.05°). */
  public record Area(Double lat, Double lon) {}
}
