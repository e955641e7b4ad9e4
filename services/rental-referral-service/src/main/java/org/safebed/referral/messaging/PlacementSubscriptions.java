package org.safebed.referral.messaging;

import org.safebed.platform.messaging.EventWireFormat.MalformedEventException;
import org.safebed.platform.messaging.IncomingEvent;
import org.safebed.platform.messaging.inbox.EventSubscriptions;
import org.safebed.referral.application.PlacementEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The events this service consumes; the platform binds the inbox to exactly these types. */
@Configuration(proxyBeanMethods = false)
public class PlacementSubscriptions {

  @Bean
  EventSubscriptions referralSubscriptions(PlacementEvents placements) {
    return EventSubscriptions.create()
        .on(PlacementCheckedIn.TYPE, PlacementCheckedIn.class, event ->
            placements.checkedIn(placementId(event, event.data().placementId()), event.data().region(), event.occurredAt()))
        .on(PlacementCheckedOut.TYPE, PlacementCheckedOut.class, event ->
            placements.checkedOut(placementId(event, event.data().placementId()), event.data().reason(), event.occurredAt()));
  }

  /**
   * The placement id from the data, else the envelope's aggregate id (a placement event's aggregate
   * is its placement). Without either the event can never be applied: straight to the dead-letter
   * queue.
   */
  private static String placementId(IncomingEvent<?> event, String fromData) {
    String id = fromData != null && !fromData.isBlank() ? fromData : event.aggregateId();
    if (id == null) {
      throw new MalformedEventException("event " + event.eventId() + " has no placementId");
    }
    return id;
  }
}
