package org.safebed.transport.messaging;

/**
 * Transport's record of the placement events it only needs the id of:
 * {@code placement.hold-expired.v1}, {@code placement.cancelled.v1}, {@code placement.checked-in.v1}, {@code placement.checked-out.v1}.
 */
public record PlacementReference(String placementId) {}
