package org.safebed.transport.domain;

public enum UnassignedReason {
  /** Every vetted, on-duty, free driver who may escort her declined or let the offer expire. */
  NO_DRIVER,
  /**
   * Drivers who may escort her are free, but none can reach her within the pick-up reach: police
   * are asked to bring her themselves at once rather than wait for a driver hours away.
   */
  NO_DRIVER_IN_REACH,
  /** A move whose pick-up (the shelter's area) transport never learnt: no driver can be ranked. */
  UNKNOWN_PICKUP_AREA
}
