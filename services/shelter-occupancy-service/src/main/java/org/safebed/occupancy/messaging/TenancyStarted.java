package org.safebed.occupancy.messaging;

/** Our record of {@code referral.tenancy-started.v1}: the placement to check out. */
public record TenancyStarted(String placementId) {}
