package org.safebed.occupancy.domain;

public enum PlacementStatus {
  /** Recorded, being matched; a crash here is finished by the reconciler. */
  PENDING,
  /** A bed is held until {@code holdExpiresAt}. */
  HELD,
  /** No eligible bed was free; matched again whenever a bed frees. */
  WAITLISTED,
  CHECKED_IN,
  CHECKED_OUT,
  HOLD_EXPIRED,
  CANCELLED;

  public boolean isFinal() {
    return this == CHECKED_OUT || this == HOLD_EXPIRED || this == CANCELLED;
  }
}
