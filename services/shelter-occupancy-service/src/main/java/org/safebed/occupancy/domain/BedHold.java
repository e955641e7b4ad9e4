package org.safebed.occupancy.domain;

import java.time.Instant;

/** The bed a placement holds (or held), and until when the hold lasts. */
public record BedHold(String shelterId, String shelterCodeName, String region, String bedId, Instant expiresAt) {

  public BedHold extendedTo(Instant newExpiry) {
    return newExpiry.isAfter(expiresAt) ? new BedHold(shelterId, shelterCodeName, region, bedId, newExpiry) : this;
  }
}
