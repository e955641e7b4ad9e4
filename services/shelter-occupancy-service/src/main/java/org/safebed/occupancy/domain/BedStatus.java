package org.safebed.occupancy.domain;

public enum BedStatus {
  AVAILABLE,
  HELD,
  OCCUPIED,
  OUT_OF_SERVICE,
  /** Removed from the shelter for good; kept as a record, never available again. */
  RETIRED
}
