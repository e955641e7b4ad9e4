package org.safebed.occupancy.domain;

/** How far the transport of a placement has come, as the transport service reported it. */
public enum TransportStatus {
  NOT_ASSIGNED(0),
  ASSIGNED(1),
  PICKED_UP(2),
  DELIVERED(3),
  FAILED(-1);

  private final int progress;

  TransportStatus(int progress) {
    this.progress = progress;
  }

  boolean isAheadOf(TransportStatus other) {
    return progress > other.progress;
  }
}
