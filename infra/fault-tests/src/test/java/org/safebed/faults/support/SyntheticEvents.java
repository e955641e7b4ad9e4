package org.safebed.faults.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * Events as a producer would publish them (the SafeBed envelope and AMQP properties), for tests
 * that must choose the order or content of what a consumer receives.
 */
public final class SyntheticEvents {

  private SyntheticEvents() {}

  /** One event of its own id; the correlation id is the placement, as every SafeBed producer sets it. */
  public static Message event(String type, String aggregateId, String placementId, Instant occurredAt,
      Map<String, Object> data) {
    String eventId = UUID.randomUUID().toString();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("eventId", eventId);
    body.put("type", type);
    body.put("occurredAt", occurredAt.toString());
    body.put("aggregateId", aggregateId);
    body.put("correlationId", placementId);
    body.put("data", data);
    MessageProperties properties = new MessageProperties();
    properties.setMessageId(eventId);
    properties.setType(type);
    properties.setCorrelationId(placementId);
    properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
    properties.setContentEncoding("UTF-8");
    properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
    return new Message(Http.JSON.writeValueAsBytes(body), properties);
  }

  /** Publishes to the events exchange, routed by type, as the relay does. */
  public static void publish(FaultSuite suite, Message event) {
    suite.rabbit().send(suite.exchange(), event.getMessageProperties().getType(), event);
  }
}
