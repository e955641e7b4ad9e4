package org.safebed.referral.domain;

/** An eligible unit for a referral, at its rank (1 = best fit). */
public record UnitMatch(int rank, RentalUnit unit, boolean inPreferredRegion) {}
