package org.safebed.referral.messaging;

/** Our record of {@code placement.checked-out.v1}: only the fields this service reads. */
public record PlacementCheckedOut(String placementId, String reason) {

  public static final String TYPE = "placement.checked-out.v1";
}
