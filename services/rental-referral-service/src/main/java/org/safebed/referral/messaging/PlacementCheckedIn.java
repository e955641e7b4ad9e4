package org.safebed.referral.messaging;

/** Our record of {@code placement.checked-in.v1}: only the fields this service reads. */
public record PlacementCheckedIn(String placementId, String region) {

  public static final String TYPE = "placement.checked-in.v1";
}
