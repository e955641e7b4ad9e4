package org.safebed.referral.domain;

/**
 * What this service knows of a shelter resident, from the occupancy service's events: her
 * placement id (the only identifier she has here), whether she is checked in, and the shelter's
 * coarse region.
 */
public record Resident(String placementId, ResidentStatus status, String region) {

  public boolean isCheckedIn() {
    return status == ResidentStatus.CHECKED_IN;
  }
}
