package org.safebed.occupancy.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.safebed.occupancy.application.Alerts;
import org.safebed.occupancy.application.TenancyMoves;
import org.safebed.occupancy.application.TransportUpdates;
import org.safebed.occupancy.domain.TransportStatus;
import org.safebed.platform.messaging.EventWireFormat.MalformedEventException;
import org.safebed.platform.messaging.IncomingEvent;
import org.safebed.platform.messaging.inbox.EventSubscriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The events this service consumes; the platform binds the inbox to exactly these types. */
@Configuration
public class OccupancySubscriptions {

  public static final String TRANSPORT_ASSIGNED = "transport.assigned.v1";
  public static final String TRANSPORT_PICKED_UP = "transport.picked-up.v1";
  public static final String TRANSPORT_DELIVERED = "transport.delivered.v1";
  public static final String TRANSPORT_FAILED = "transport.failed.v1";
  public static final String TENANCY_STARTED = "referral.tenancy-started.v1";
  /** Our own event: the durable trigger of the police alert (and what keeps it routable). */
  public static final String RESIDENT_MISSING = PublishedEvents.RESIDENT_MISSING;
  /** Our own event: a no-show's shelter report must reach its police as a durable alert too. */
  public static final String PLACEMENT_CANCELLED = PublishedEvents.CANCELLED;

  @Bean
  EventSubscriptions occupancyEventSubscriptions(TransportUpdates transport, TenancyMoves tenancies, Alerts alerts) {
    return EventSubscriptions.create()
        .on(TRANSPORT_ASSIGNED, TransportAssigned.class, event -> {
          TransportAssigned data = event.data();
          require(data.jobId(), data.placementId(), data.driverId());
          if (data.etaMinutes() == null || data.etaMinutes() < 0) {
            throw new MalformedEventException("etaMinutes missing or negative");
          }
          if (isMove(data.kind())) {
            transport.moveAssigned(data.placementId(), data.jobId(), data.driverId(), data.etaMinutes(), event.occurredAt());
          } else {
            transport.assigned(data.placementId(), data.jobId(), data.driverId(), data.etaMinutes(), event.occurredAt());
          }
        })
        .on(TRANSPORT_PICKED_UP, TransportLeg.class, event -> progressed(transport, event, TransportStatus.PICKED_UP))
        .on(TRANSPORT_DELIVERED, TransportLeg.class, event -> progressed(transport, event, TransportStatus.DELIVERED))
        .on(TRANSPORT_FAILED, TransportLeg.class, event -> progressed(transport, event, TransportStatus.FAILED))
        .on(TENANCY_STARTED, TenancyStarted.class, event -> {
          require(event.data().placementId());
          tenancies.tenancyStarted(event.data().placementId());
        })
        .on(RESIDENT_MISSING, ResidentMissing.class, event -> {
          ResidentMissing data = event.data();
          require(data.placementId(), data.missingSince());
          Instant since;
          try {
            since = Instant.parse(data.missingSince());
          } catch (DateTimeParseException e) {
            throw new MalformedEventException("missingSince is not a time");
          }
          alerts.residentMissing(data.placementId(), data.region(), since);
        })
        .on(PLACEMENT_CANCELLED, PlacementCancelled.class, event -> {
          require(event.data().placementId());
          alerts.placementCancelled(event.data().placementId(), event.occurredAt());
        });
  }

  private static void progressed(TransportUpdates transport, IncomingEvent<TransportLeg> event, TransportStatus reached) {
    TransportLeg data = event.data();
    require(data.jobId(), data.placementId());
    if (isMove(data.kind())) {
      transport.moveProgressed(data.placementId(), data.jobId(), reached, event.occurredAt());
    } else {
      transport.progressed(data.placementId(), data.jobId(), reached, event.occurredAt());
    }
  }

  /**
   * A move out of the shelter follows the same placement as its pick-up and must not be taken for
   * it. No kind means PICKUP (producers from before moves were announced); an unknown one cannot be
   * placed on either leg safely.
   */
  private static boolean isMove(String kind) {
    if (kind == null || kind.equals("PICKUP")) {
      return false;
    }
    if (kind.equals("MOVE")) {
      return true;
    }
    throw new MalformedEventException("unknown transport job kind");
  }

  /** An event without the ids it is about can never succeed: straight to the dead-letter queue. */
  private static void require(String... values) {
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw new MalformedEventException("a required id is missing");
      }
    }
  }
}
