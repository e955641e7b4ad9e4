package org.safebed.occupancy.messaging;

/** Our record of our own {@code placement.resident-missing.v1}: what the police alert needs. */
public record ResidentMissing(String placementId, String region, String missingSince) {}
