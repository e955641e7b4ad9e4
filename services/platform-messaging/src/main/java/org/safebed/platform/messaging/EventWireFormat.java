package org.safebed.platform.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON shape every SafeBed event has on the wire:
 * {@code {eventId, type, occurredAt, aggregateId, correlationId, data}} plus matching AMQP
 * properties, so that brokers and operators can route and trace without reading the body.
 */
public final class EventWireFormat {

  private final JsonMapper json;

  public EventWireFormat() {
    // Consumers keep their own small record of each event: fields they do not read are ignored.
    this.json =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  /** Builds the AMQP message for an outbox entry as stored in Mongo. */
  /** The AMQP header of the W3C trace context, as Spring AMQP's observation reads it. */
  public static final String TRACE_PARENT_HEADER = "traceparent";

  public Message toMessage(Map<String, Object> storedEvent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("eventId", storedEvent.get("eventId"));
    body.put("type", storedEvent.get("type"));
    body.put("occurredAt", plain(storedEvent.get("occurredAt")));
    body.put("aggregateId", storedEvent.get("aggregateId"));
    body.put("correlationId", storedEvent.get("correlationId"));
    body.put("data", plain(storedEvent.getOrDefault("data", Map.of())));

    MessageProperties properties = new MessageProperties();
    properties.setMessageId((String) storedEvent.get("eventId"));
    properties.setType((String) storedEvent.get("type"));
    properties.setCorrelationId((String) storedEvent.get("correlationId"));
    properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
    properties.setContentEncoding("UTF-8");
    properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
    // W3C trace context of the work that recorded the event: the consumer continues that trace.
    if (storedEvent.get(OutboxEvent.TRACE_PARENT_FIELD) instanceof String traceParent) {
      properties.setHeader(TRACE_PARENT_HEADER, traceParent);
    }
    return new Message(json.writeValueAsBytes(body), properties);
  }

  /**
   * Reads a message into an event whose data is the consumer's own record.
   *
   * @throws MalformedEventException when the body is not a SafeBed event or the data does not fit
   */
  public <T> IncomingEvent<T> read(Message message, Class<T> dataType) {
    try {
      JsonNode root = json.readTree(message.getBody());
      String eventId = requiredText(root, "eventId");
      String type = requiredText(root, "type");
      String routedAs = typeOf(message);
      if (routedAs != null && !routedAs.equals(type)) {
        // A body of another type or version than the message says: reading it as the record of
        // the announced type would silently misread it.
        throw new MalformedEventException("event type in the body differs from the message type");
      }
      Instant occurredAt = Instant.parse(requiredText(root, "occurredAt"));
      String aggregateId = requiredText(root, "aggregateId");
      String correlationId = requiredText(root, "correlationId");
      JsonNode data = root.get("data");
      if (data == null || !data.isObject()) {
        throw new MalformedEventException("event has no data object");
      }
      T record = json.treeToValue(data, dataType);
      return new IncomingEvent<>(eventId, type, occurredAt, aggregateId, correlationId, record);
    } catch (MalformedEventException e) {
      throw e;
    } catch (RuntimeException e) {
      // The cause may quote the body; only its class is kept.
      throw new MalformedEventException("unreadable event (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The event type of a message, from its properties; never reads the body. */
  public static String typeOf(Message message) {
    return message.getMessageProperties().getType();
  }

  private static String requiredText(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isString() || node.asString().isBlank()) {
      throw new MalformedEventException("event field " + field + " missing");
    }
    return node.asString();
  }

  /** Mongo hands back dates and object ids; on the wire they are ISO strings and hex strings. */
  private static Object plain(Object value) {
    return switch (value) {
      case null -> null;
      case Date date -> date.toInstant().toString();
      case Instant instant -> instant.toString();
      case ObjectId id -> id.toHexString();
      case Map<?, ?> map -> {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
        yield copy;
      }
      case List<?> list -> {
        List<Object> copy = new ArrayList<>(list.size());
        list.forEach(v -> copy.add(plain(v)));
        yield copy;
      }
      default -> value;
    };
  }

  /** A message that is not a readable SafeBed event: it goes to the dead-letter queue at once. */
  public static final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String reason) {
      super(reason, null, false, false);
    }
  }
}
