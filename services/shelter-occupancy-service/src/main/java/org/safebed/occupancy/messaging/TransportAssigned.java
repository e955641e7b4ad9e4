package org.safebed.occupancy.messaging;

/** Our record of {@code transport.assigned.v1}: only the fields we read. */
public record TransportAssigned(String jobId, String placementId, String driverId, Integer etaMinutes) {}
