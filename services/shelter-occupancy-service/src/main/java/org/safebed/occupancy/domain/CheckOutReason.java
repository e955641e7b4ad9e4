package org.safebed.occupancy.domain;

public enum CheckOutReason {
  LEFT_VOLUNTARILY,
  MOVED_TO_RENTAL,
  TRANSFERRED,
  OTHER,
  RETURNED_TO_FAMILY,
  /** Reported missing and not back before her bed had to be given up. */
  MISSING
}
