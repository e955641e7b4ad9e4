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
  CANCELLED,
  /** Checked in, then reported missing: her bed is kept for a while. */
  RESIDENT_MISSING,
  /** Her shelter was compromised; an urgent placement elsewhere replaced this one. */
  RELOCATED,
  /** A bed was held but she never arrived: her shelter said so and the bed went back. */
  NO_SHOW;

  public boolean isFinal() {
    return this == CHECKED_OUT || this == HOLD_EXPIRED || this == CANCELLED || this == RELOCATED || this == NO_SHOW;
  }

  /** A person is on her way to, or living in, the bed of this placement. */
  public boolean hasBed() {
    return this == HELD || this == CHECKED_IN || this == RESIDENT_MISSING;
  }
}
