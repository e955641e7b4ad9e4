package org.safebed.occupancy.domain;

public enum CheckOutReason {
  LEFT_VOLUNTARILY,
  MOVED_TO_RENTAL,
  TRANSFERRED,
  OTHER
}
