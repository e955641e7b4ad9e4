package org.safebed.occupancy.messaging;

/**
 * Our record of {@code transport.assigned.v1}: only the fields we read. {@code kind} is PICKUP or
 * MOVE; absent (an older producer) means PICKUP.
 */
public record TransportAssigned(String jobId, String placementId, String driverId, Integer etaMinutes, String kind) {}
