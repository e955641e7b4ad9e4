package org.safebed.occupancy.domain;

import java.time.Instant;
import java.util.Set;

/**
 * What other services learn about a placement. Opaque ids and coarse facts only: never an address,
 * exact coordinates, a name or the police case reference. How each goes on the wire is
 * {@code messaging/PublishedEvents}'s business.
 */
public sealed interface PlacementEvent {

  /** Pick-up areas are rounded to about 1 km (enough to choose a driver and estimate an ETA). */
  double PICKUP_AREA_STEP_DEGREES = 0.01;

  String placementId();

  /**
   * @param escortGender the escort she asked for, null for no preference
   * @param languages the languages she speaks, for choosing a driver (may be empty)
   * @param pickupArea where she is, rounded to {@link #PICKUP_AREA_STEP_DEGREES}
   * @param destinationArea the shelter's area, never its exact position
   */
  record BedHeld(
      String placementId,
      String shelterId,
      String shelterCodeName,
      String region,
      boolean minor,
      EscortGender escortGender,
      Set<String> languages,
      GeoPoint pickupArea,
      GeoPoint destinationArea,
      Instant holdExpiresAt)
      implements PlacementEvent {}

  record HoldExpired(String placementId, String shelterId) implements PlacementEvent {}

  record Cancelled(String placementId, String shelterId) implements PlacementEvent {}

  record CheckedIn(String placementId, String shelterId, String region) implements PlacementEvent {}

  record CheckedOut(String placementId, String shelterId, CheckOutReason reason) implements PlacementEvent {}

  /** Police must know at once: the consumer turns it into an alert for the requesting account. */
  record ResidentMissing(String placementId, String shelterId, String region, Instant missingSince)
      implements PlacementEvent {}
}
