package org.safebed.transport.messaging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.safebed.platform.messaging.EventWireFormat.MalformedEventException;
import org.safebed.platform.messaging.IncomingEvent;
import org.safebed.platform.messaging.inbox.EventSubscriptions;
import org.safebed.platform.messaging.inbox.RetryLaterException;
import org.safebed.transport.application.HeldBed;
import org.safebed.transport.application.MoveBooking;
import org.safebed.transport.application.PlacementFollowUp;
import org.safebed.transport.domain.EscortNeeds;
import org.safebed.transport.domain.Gender;
import org.safebed.transport.domain.GeoPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events transport consumes. Handlers are idempotent (keyed by the causing event, the placement
 * or the referral); an event that cannot be applied at all (a required field missing, an escort
 * rule it cannot read) is dead-lettered at once rather than retried, since waiting cannot fix it. A
 * tenancy whose placement's pick-up is not known yet is retried later: the bed-held event it
 * depends on may still be on its way; so is a placement event that meets its job being replaced.
 */
@Configuration(proxyBeanMethods = false)
class TransportSubscriptions {

  static final String BED_HELD = "placement.bed-held.v1";
  static final String HOLD_EXPIRED = "placement.hold-expired.v1";
  static final String CANCELLED = "placement.cancelled.v1";
  static final String CHECKED_IN = "placement.checked-in.v1";
  static final String CHECKED_OUT = "placement.checked-out.v1";
  static final String TENANCY_STARTED = "referral.tenancy-started.v1";

  @Bean
  EventSubscriptions inboxSubscriptions(PlacementFollowUp followUp, MoveBooking moves) {
    return EventSubscriptions.create()
        .on(BED_HELD, BedHeld.class, event -> whileNoReplacement(followUp::bedHeld, heldBed(event)))
        .on(HOLD_EXPIRED, PlacementReference.class,
            event -> whileNoReplacement(id -> followUp.placementEnded(id, event.occurredAt()), placementId(event)))
        .on(CANCELLED, PlacementReference.class,
            event -> whileNoReplacement(id -> followUp.placementEnded(id, event.occurredAt()), placementId(event)))
        .on(CHECKED_IN, PlacementReference.class,
            event -> whileNoReplacement(id -> followUp.checkedIn(id, event.occurredAt()), placementId(event)))
        .on(CHECKED_OUT, PlacementReference.class,
            event -> whileNoReplacement(id -> followUp.checkedOut(id, event.occurredAt()), placementId(event)))
        .on(TENANCY_STARTED, TenancyStarted.class, event -> bookMove(moves, event.data()));
  }

  private static <T> void whileNoReplacement(Consumer<T> handler, T input) {
    try {
      handler.accept(input);
    } catch (PlacementFollowUp.ReplacementInProgress e) {
      throw new RetryLaterException("the placement's job is being replaced");
    }
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
        event.eventId(),
        event.occurredAt(),
        data.placementId(),
        data.shelterId(),
        data.region(),
        new EscortNeeds(
            // A missing flag is read as "minor": only drivers who may escort minors are then offered it.
            !Boolean.FALSE.equals(data.minor()),
            escortGender(data.escortGender()),
            languages(data.languages())),
        point(data.pickupArea(), "pickupArea"),
        point(data.destinationArea(), "destinationArea"),
        data.holdExpiresAt());
  }

  /**
   * Absent: no preference. A value outside the contract is not guessed at (she may have asked for a
   * woman): the event goes to the dead-letter queue, where operators see it.
   */
  static Gender escortGender(String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "FEMALE" -> Gender.FEMALE;
      case "MALE" -> Gender.MALE;
      default -> throw new MalformedEventException("escortGender not FEMALE or MALE");
    };
  }

  /** A preference only, read leniently: codes in lower case, blanks and nulls left out. */
  static Set<String> languages(List<String> codes) {
    Set<String> languages = new LinkedHashSet<>();
    if (codes != null) {
      for (String code : codes) {
        if (code != null && !code.isBlank()) {
          languages.add(code.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return languages;
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
