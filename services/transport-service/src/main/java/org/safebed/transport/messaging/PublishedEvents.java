package org.safebed.transport.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safebed.platform.messaging.OutboxEvent;
import org.safebed.transport.domain.JobKind;
import org.safebed.transport.domain.TransportEvent;

/**
 * Transport's published events as they go on the wire (see {@code api-specs/asyncapi/transport-service.yaml}).
 * The aggregate is the job; the correlation id is the placement, which every consumer follows.
 */
public final class PublishedEvents {

  public static final String ASSIGNED = "transport.assigned.v1";
  public static final String PICKED_UP = "transport.picked-up.v1";
  public static final String DELIVERED = "transport.delivered.v1";
  public static final String FAILED = "transport.failed.v1";

  private PublishedEvents() {}

  /** The kind tells consumers a move's progress from the pick-up's: both follow the placement. */
  public static OutboxEvent toOutbox(TransportEvent event, JobKind kind) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", event.jobId());
    data.put("kind", kind.name());
    data.put("placementId", event.placementId());
    String type =
        switch (event) {
          case TransportEvent.DriverAssigned assigned -> {
            data.put("driverId", assigned.driverSubject());
            data.put("etaMinutes", assigned.eta().minutes());
            data.put("etaSource", assigned.eta().source().name());
            yield ASSIGNED;
          }
          case TransportEvent.PickedUp pickedUp -> PICKED_UP;
          case TransportEvent.Delivered delivered -> DELIVERED;
          case TransportEvent.AssignmentFailed failed -> {
            data.put("reason", failed.reason().name());
            yield FAILED;
          }
        };
    return OutboxEvent.of(type, event.jobId(), event.placementId(), data);
  }
}
