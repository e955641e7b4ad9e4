package org.safebed.occupancy.messaging;

/** Our record of our own {@code placement.cancelled.v1}: which placement (a no-show raises an alert). */
public record PlacementCancelled(String placementId) {}
