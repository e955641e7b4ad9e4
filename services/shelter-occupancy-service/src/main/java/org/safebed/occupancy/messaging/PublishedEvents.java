package org.safebed.occupancy.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.PlacementEvent;
import org.safebed.platform.messaging.OutboxEvent;

/**
 * Occupancy's published events as they go on the wire (see
 * {@code api-specs/asyncapi/shelter-occupancy-service.yaml}): each domain event's type and data.
 * The aggregate and the correlation id are the placement itself.
 */
public final class PublishedEvents {

  public static final String BED_HELD = "placement.bed-held.v1";
  public static final String HOLD_EXPIRED = "placement.hold-expired.v1";
  public static final String CANCELLED = "placement.cancelled.v1";
  public static final String CHECKED_IN = "placement.checked-in.v1";
  public static final String CHECKED_OUT = "placement.checked-out.v1";
  public static final String RESIDENT_MISSING = "placement.resident-missing.v1";

  private PublishedEvents() {}

  /** The outbox entry of an event, recorded now. */
  public static OutboxEvent toOutbox(PlacementEvent event) {
    return switch (event) {
      case PlacementEvent.BedHeld held -> entry(BED_HELD, held, bedHeld(held));
      case PlacementEvent.HoldExpired expired -> entry(HOLD_EXPIRED, expired,
          Map.of("placementId", expired.placementId(), "shelterId", expired.shelterId()));
      case PlacementEvent.Cancelled cancelled -> entry(CANCELLED, cancelled,
          Map.of("placementId", cancelled.placementId(), "shelterId", cancelled.shelterId()));
      case PlacementEvent.CheckedIn in -> entry(CHECKED_IN, in,
          Map.of("placementId", in.placementId(), "shelterId", in.shelterId(), "region", in.region()));
      case PlacementEvent.CheckedOut out -> entry(CHECKED_OUT, out,
          Map.of("placementId", out.placementId(), "shelterId", out.shelterId(), "reason", out.reason().name()));
      case PlacementEvent.ResidentMissing missing -> entry(RESIDENT_MISSING, missing,
          Map.of("placementId", missing.placementId(), "shelterId", missing.shelterId(), "region", missing.region(),
              "missingSince", missing.missingSince().toString()));
    };
  }

  private static OutboxEvent entry(String type, PlacementEvent event, Map<String, Object> data) {
    return OutboxEvent.of(type, event.placementId(), event.placementId(), data);
  }

  /** No preference for an escort and no languages are left out rather than sent empty. */
  private static Map<String, Object> bedHeld(PlacementEvent.BedHeld held) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("placementId", held.placementId());
    data.put("shelterId", held.shelterId());
    data.put("shelterCodeName", held.shelterCodeName());
    data.put("region", held.region());
    data.put("minor", held.minor());
    if (held.escortGender() != null) {
      data.put("escortGender", held.escortGender().name());
    }
    if (held.languages() != null && !held.languages().isEmpty()) {
      data.put("languages", held.languages().stream().sorted().toList());
    }
    data.put("pickupArea", area(held.pickupArea()));
    data.put("destinationArea", area(held.destinationArea()));
    data.put("holdExpiresAt", held.holdExpiresAt().toString());
    return data;
  }

  private static Map<String, Object> area(GeoPoint point) {
    return Map.of("lat", point.lat(), "lon", point.lon());
  }
}
