package org.safebed.platform.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event recorded in an aggregate's outbox: stored in the aggregate document's
 * {@code pendingEvents} array by the same single-document write that changes the state, and removed
 * by the {@link org.safebed.platform.messaging.outbox.OutboxRelay} once the broker has confirmed it.
 *
 * <p>{@code data} holds opaque ids and coarse facts only (strings, numbers, booleans, nested maps);
 * never an address, a name or anything else that identifies a person.
 */
public record OutboxEvent(
    String eventId,
    String type,
    Instant occurredAt,
    String aggregateId,
    String correlationId,
    Map<String, Object> data) {

  /** The field of an aggregate document that holds its unpublished events. */
  public static final String PENDING_EVENTS_FIELD = "pendingEvents";

  public OutboxEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(correlationId, "correlationId");
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** A new event with a random id, occurring now. */
  public static OutboxEvent of(
      String type, String aggregateId, String correlationId, Map<String, Object> data) {
    return new OutboxEvent(
        UUID.randomUUID().toString(), type, Instant.now(), aggregateId, correlationId, data);
  }
}
