package org.safebed.transport.domain;

public enum UnassignedReason {
  /** Every vetted, on-duty, free driver who may escort her declined or let the offer expire. */
  NO_DRIVER,
  /** A move whose pick-up (the shelter's area) transport never learnt: no driver can be ranked. */
  UNKNOWN_PICKUP_AREA
}
