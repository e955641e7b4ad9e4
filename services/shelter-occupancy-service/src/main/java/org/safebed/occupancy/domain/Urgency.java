package org.safebed.occupancy.domain;

/** How soon a placement must get a bed; the waitlist serves higher urgency first, then older requests. */
public enum Urgency {
  NORMAL,
  HIGH,
  /** A resident moved out of a compromised shelter: first in line, always. */
  CRITICAL;

  /** Higher is more urgent; stored so that the waitlist can be sorted by the database. */
  public int rank() {
    return ordinal();
  }
}
