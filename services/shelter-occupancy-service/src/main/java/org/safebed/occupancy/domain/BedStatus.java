package org.safebed.occupancy.domain;

public enum BedStatus {
  AVAILABLE,
  HELD,
  OCCUPIED,
  OUT_OF_SERVICE
}
