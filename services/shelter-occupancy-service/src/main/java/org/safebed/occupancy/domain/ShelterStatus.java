package org.safebed.occupancy.domain;

public enum ShelterStatus {
  /** Receives new placements. */
  OPEN,
  /** Temporarily receives none (works, staff shortage); residents stay. */
  CLOSED,
  /** Its address is known to someone it must not be: receives none, ever, until re-registered. */
  COMPROMISED
}
