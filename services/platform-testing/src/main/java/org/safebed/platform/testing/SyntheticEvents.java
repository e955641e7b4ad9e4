package org.safebed.platform.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events as their producer would publish them, for tests that choose what a consumer receives, in
 * which order and how often: the SafeBed envelope {@code {eventId, type, occurredAt, aggregateId,
 * correlationId, data}} and the AMQP properties the outbox relay sets (message id, type,
 * correlation id, JSON in UTF-8, persistent).
 */
public final class SyntheticEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SyntheticEvents() {}

  /** One event of a new id. */
  public static Message event(String type, String aggregateId, String correlationId, Instant occurredAt,
      Map<String, Object> data) {
    return event(UUID.randomUUID().toString(), type, aggregateId, correlationId, occurredAt, data);
  }

  /**
   * One event of a given id: another delivery of one already published (same id, same time), or
   * one that occurred earlier than it arrives.
   */
  public static Message event(String eventId, String type, String aggregateId, String correlationId,
      Instant occurredAt, Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("eventId", eventId);
    body.put("type", type);
    body.put("occurredAt", occurredAt.toString());
    body.put("aggregateId", aggregateId);
    body.put("correlationId", correlationId);
    body.put("data", data);
    MessageProperties properties = new MessageProperties();
    properties.setMessageId(eventId);
    properties.setType(type);
    properties.setCorrelationId(correlationId);
    properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
    properties.setContentEncoding("UTF-8");
    properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
    return new Message(JSON.writeValueAsBytes(body), properties);
  }

  /** The event's id, as its message carries it. */
  public static String idOf(Message event) {
    return event.getMessageProperties().getMessageId();
  }

  /** Publishes to an events exchange, routed by the event's type, as the relay does. */
  public static void publish(AmqpTemplate broker, String exchange, Message event) {
    broker.send(exchange, event.getMessageProperties().getType(), event);
  }
}
