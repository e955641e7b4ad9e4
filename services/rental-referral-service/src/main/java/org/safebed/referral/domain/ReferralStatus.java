package org.safebed.referral.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * OPEN -> OFFERED -> ACCEPTED -> MOVED_IN, with OFFERED/ACCEPTED -> OPEN when an offer is declined
 * or expires, and any active status -> CLOSED when the resident leaves the shelter otherwise.
 */
public enum ReferralStatus {
  OPEN,
  OFFERED,
  ACCEPTED,
  MOVED_IN,
  CLOSED;

  public static final Set<ReferralStatus> ACTIVE = EnumSet.of(OPEN, OFFERED, ACCEPTED);

  public boolean isActive() {
    return ACTIVE.contains(this);
  }

  /** Whether a unit is held for the referral in this status. */
  public boolean holdsUnit() {
    return this == OFFERED || this == ACCEPTED;
  }
}
