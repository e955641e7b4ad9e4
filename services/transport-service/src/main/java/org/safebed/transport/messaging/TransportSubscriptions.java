package org.safebed.transport.messaging;

import org.safebed.platform.messaging.EventWireFormat.MalformedEventException;
import org.safebed.platform.messaging.IncomingEvent;
import org.safebed.platform.messaging.inbox.EventSubscriptions;
import org.safebed.platform.messaging.inbox.RetryLaterException;
import org.safebed.transport.application.HeldBed;
import org.safebed.transport.application.MoveBooking;
import org.safebed.transport.application.PlacementFollowUp;
import org.safebed.transport.domain.GeoPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events transport consumes. Handlers are idempotent (keyed by the placement or referral id);
 * an event that cannot be applied at all (a required field missing) is dead-lettered at once
 * rather than retried, since waiting cannot fix it. A tenancy whose placement's pick-up is not
 * known yet is retried later: the bed-held event it depends on may still be on its way.
 */
@Configuration(proxyBeanMethods = false)
class TransportSubscriptions {

  static final String BED_HELD = "placement.bed-held.v1";
  static final String HOLD_EXPIRED = "placement.hold-expired.v1";
  static final String CANCELLED = "placement.cancelled.v1";
  static final String CHECKED_IN = "placement.checked-in.v1";
  static final String TENANCY_STARTED = "referral.tenancy-started.v1";

  @Bean
  EventSubscriptions inboxSubscriptions(PlacementFollowUp followUp, MoveBooking moves) {
    return EventSubscriptions.create()
        .on(BED_HELD, BedHeld.class, event -> followUp.bedHeld(heldBed(event)))
        .on(HOLD_EXPIRED, PlacementReference.class, event -> followUp.placementEnded(placementId(event)))
        .on(CANCELLED, PlacementReference.class, event -> followUp.placementEnded(placementId(event)))
        .on(CHECKED_IN, PlacementReference.class, event -> followUp.checkedIn(placementId(event)))
        .on(TENANCY_STARTED, TenancyStarted.class, event -> bookMove(moves, event.data()));
  }

  static void bookMove(MoveBooking moves, TenancyStarted data) {
    if (blank(data.referralId()) || blank(data.placementId()) || data.moveInDate() == null) {
      throw new MalformedEventException("referralId, placementId or moveInDate missing");
    }
    try {
      moves.tenancyStarted(data.referralId(), data.placementId(), data.moveInDate(), data.region());
    } catch (MoveBooking.PickupNotKnownYet e) {
      throw new RetryLaterException("pick-up of the placement not known yet");
    }
  }

  static HeldBed heldBed(IncomingEvent<BedHeld> event) {
    BedHeld data = event.data();
    if (blank(data.placementId())) {
      throw new MalformedEventException("placementId missing");
    }
    return new HeldBed(
        data.placementId(),
        data.shelterId(),
        data.region(),
        // A missing flag is read as "minor": only drivers who may escort minors are then offered it.
        !Boolean.FALSE.equals(data.minor()),
        point(data.pickupArea(), "pickupArea"),
        point(data.destinationArea(), "destinationArea"),
        data.holdExpiresAt());
  }

  static String placementId(IncomingEvent<PlacementReference> event) {
    if (blank(event.data().placementId())) {
      throw new MalformedEventException("placementId missing");
    }
    return event.data().placementId();
  }

  private static GeoPoint point(BedHeld.Area area, String field) {
    if (area == null || area.lat() == null || area.lon() == null) {
      throw new MalformedEventException(field + " missing");
    }
    try {
      return new GeoPoint(area.lat(), area.lon());
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException(field + " out of range");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
