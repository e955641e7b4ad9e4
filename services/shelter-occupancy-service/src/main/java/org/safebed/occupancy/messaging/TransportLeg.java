package org.safebed.occupancy.messaging;

/**
 * Our record of {@code transport.picked-up.v1}, {@code transport.delivered.v1} and
 * {@code transport.failed.v1}. {@code kind} is PICKUP or MOVE; absent means PICKUP.
 */
public record TransportLeg(String jobId, String placementId, String kind) {}
