package org.safebed.occupancy.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The bed a placement holds (or held), and until when the hold lasts.
 *
 * @param originalExpiresAt when the hold was first to expire, before any transport extended it: the
 *     ceiling of every extension is counted from it
 */
public record BedHold(
    String shelterId, String shelterCodeName, String region, String bedId, Instant expiresAt, Instant originalExpiresAt) {

  public BedHold {
    // Holds stored before the original expiry was kept count from the expiry they have now.
    originalExpiresAt = originalExpiresAt == null ? expiresAt : originalExpiresAt;
  }

  /** A new hold, not extended yet. */
  public BedHold(String shelterId, String shelterCodeName, String region, String bedId, Instant expiresAt) {
    this(shelterId, shelterCodeName, region, bedId, expiresAt, expiresAt);
  }

  /**
   * The hold lasting until {@code newExpiry}, but never more than {@code ceiling} past its original
   * expiry: a driver's ETA must not keep a bed from every other child for days. Never shortened.
   */
  public BedHold extendedTo(Instant newExpiry, Duration ceiling) {
    Instant latest = originalExpiresAt.plus(ceiling);
    Instant capped = newExpiry.isAfter(latest) ? latest : newExpiry;
    return capped.isAfter(expiresAt)
        ? new BedHold(shelterId, shelterCodeName, region, bedId, capped, originalExpiresAt)
        : this;
  }
}
