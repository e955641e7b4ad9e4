package org.safebed.platform.messaging;

import io.opentelemetry.api.trace.Span;
import com.mongodb.client.model.Updates;
import io.opentelemetry.api.trace.SpanContext;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * An event recorded in an aggregate's outbox: stored in the aggregate document's
 * {@code pendingEvents} array by the same single-document write that changes the state, and removed
 * by the {@link org.safebed.platform.messaging.outbox.OutboxRelay} once the broker has confirmed it.
 *
 * <p>{@code data} holds opaque ids and coarse facts only (strings, numbers, booleans, nested maps);
 * never an address, a name or anything else that identifies a person.
 *
 * <p>{@code traceParent} is the W3C trace context of the work that recorded the event (null when
 * nothing was traced): the relay publishes later, from a thread of its own, and carries it in the
 * message's {@code traceparent} header so the consumer's work joins the same trace.
 */
public record OutboxEvent(
    String eventId,
    String type,
    Instant occurredAt,
    String aggregateId,
    String correlationId,
    Map<String, Object> data,
    String traceParent) {

  /** The field of an aggregate document that holds its unpublished events. */
  public static final String PENDING_EVENTS_FIELD = "pendingEvents";
  /** Where a stored event keeps its trace context (never part of the published body). */
  public static final String TRACE_PARENT_FIELD = "traceParent";

  public OutboxEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(correlationId, "correlationId");
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** An event recorded now, in the trace of the work at hand. */
  public OutboxEvent(String eventId, String type, Instant occurredAt, String aggregateId, String correlationId,
      Map<String, Object> data) {
    this(eventId, type, occurredAt, aggregateId, correlationId, data, currentTraceParent());
  }

  /** A new event with a random id, occurring now. */
  public static OutboxEvent of(
      String type, String aggregateId, String correlationId, Map<String, Object> data) {
    return new OutboxEvent(
        UUID.randomUUID().toString(), type, Instant.now(), aggregateId, correlationId, data);
  }

  /**
   * The update that records these events, in order, after those already pending in a document's
   * {@code pendingEvents}: to be combined with the state change they announce in one single-document
   * write. Every service records its events through this, so that the stored shape is the one the
   * relay and its sweep index read.
   *
   * @param events at least one event (with none there is nothing to record, nor a relay to wake)
   */
  public static Bson recordAll(List<OutboxEvent> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("no events to record");
    }
    return Updates.pushEach(PENDING_EVENTS_FIELD, events.stream().map(OutboxEvent::toDocument).toList());
  }

  /** The stored shape the relay publishes from, for the aggregate's {@code pendingEvents}. */
  public Document toDocument() {
    Document stored = new Document("eventId", eventId)
        .append("type", type)
        .append("occurredAt", Date.from(occurredAt))
        .append("aggregateId", aggregateId)
        .append("correlationId", correlationId)
        .append("data", new Document(data));
    return traceParent == null ? stored : stored.append(TRACE_PARENT_FIELD, traceParent);
  }

  /** {@code 00-<trace id>-<span id>-<flags>} of the current span, or null outside any trace. */
  static String currentTraceParent() {
    SpanContext span = Span.current().getSpanContext();
    if (!span.isValid()) {
      return null;
    }
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
  }
}
