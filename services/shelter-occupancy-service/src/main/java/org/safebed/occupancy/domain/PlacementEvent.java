package org.safebed.occupancy.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What other services learn about a placement. Data is opaque ids and coarse facts only: never an
 * address, exact coordinates, a name or the police case reference.
 */
public sealed interface PlacementEvent {

  /** Pick-up areas are rounded to about 1 km (enough to choose a driver and estimate an ETA). */
  double PICKUP_AREA_STEP_DEGREES = 0.01;

  String type();

  String placementId();

  Map<String, Object> data();

  /**
   * @param escortGender the escort she asked for, null for no preference (then left out)
   * @param languages the languages she speaks, for choosing a driver (left out when none)
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
      implements PlacementEvent {

    public String type() {
      return "placement.bed-held.v1";
    }

    public Map<String, Object> data() {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("placementId", placementId);
      data.put("shelterId", shelterId);
      data.put("shelterCodeName", shelterCodeName);
      data.put("region", region);
      data.put("minor", minor);
      if (escortGender != null) {
        data.put("escortGender", escortGender.name());
      }
      if (languages != null && !languages.isEmpty()) {
        data.put("languages", languages.stream().sorted().toList());
      }
      data.put("pickupArea", area(pickupArea));
      data.put("destinationArea", area(destinationArea));
      data.put("holdExpiresAt", holdExpiresAt.toString());
      return data;
    }
  }

  record HoldExpired(String placementId, String shelterId) implements PlacementEvent {
    public String type() {
      return "placement.hold-expired.v1";
    }

    public Map<String, Object> data() {
      return Map.of("placementId", placementId, "shelterId", shelterId);
    }
  }

  record Cancelled(String placementId, String shelterId) implements PlacementEvent {
    public String type() {
      return "placement.cancelled.v1";
    }

    public Map<String, Object> data() {
      return Map.of("placementId", placementId, "shelterId", shelterId);
    }
  }

  record CheckedIn(String placementId, String shelterId, String region) implements PlacementEvent {
    public String type() {
      return "placement.checked-in.v1";
    }

    public Map<String, Object> data() {
      return Map.of("placementId", placementId, "shelterId", shelterId, "region", region);
    }
  }

  record CheckedOut(String placementId, String shelterId, CheckOutReason reason) implements PlacementEvent {
    public String type() {
      return "placement.checked-out.v1";
    }

    public Map<String, Object> data() {
      return Map.of("placementId", placementId, "shelterId", shelterId, "reason", reason.name());
    }
  }

  /** Police must know at once: the consumer turns it into an alert for the requesting account. */
  record ResidentMissing(String placementId, String shelterId, String region, Instant missingSince)
      implements PlacementEvent {
    public String type() {
      return "placement.resident-missing.v1";
    }

    public Map<String, Object> data() {
      return Map.of("placementId", placementId, "shelterId", shelterId, "region", region,
          "missingSince", missingSince.toString());
    }
  }

  private static Map<String, Object> area(GeoPoint point) {
    return Map.of("lat", point.lat(), "lon", point.lon());
  }
}
