package org.safebed.transport.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.safebed.platform.testing.SyntheticEvents;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker as the rest of SafeBed sees it: publishes placement events to the namespaced events
 * exchange the way occupancy would, and reads what transport published from a queue of its own.
 */
public final class Broker {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RabbitTemplate rabbit;
  private final RabbitAdmin admin;
  private final String exchange;
  private final String queue;
  private final List<JsonNode> seen = new ArrayList<>();

  public Broker(ConnectionFactory connectionFactory, String exchange) {
    this.rabbit = new RabbitTemplate(connectionFactory);
    this.exchange = exchange;
    this.admin = new RabbitAdmin(connectionFactory);
    TopicExchange events = new TopicExchange(exchange, true, false);
    admin.declareExchange(events);
    // Not exclusive: it must survive a reconnect of the shared connection; deleted by close().
    Queue mine = new Queue(exchange.replace("safebed.events", "transport-it.") + UUID.randomUUID(), false, false, false);
    admin.declareQueue(mine);
    admin.declareBinding(BindingBuilder.bind(mine).to(events).with("transport.#"));
    this.queue = mine.getName();
  }

  public void close() {
    admin.deleteQueue(queue);
  }

  /** Publishes a new event with the SafeBed envelope, occurring now; returns its event id. */
  public String publish(String type, String placementId, Map<String, Object> data) {
    String eventId = UUID.randomUUID().toString();
    publish(type, placementId, data, eventId, Instant.now());
    return eventId;
  }

  /**
   * Publishes an event with a given id and time: another delivery of one already published (same
   * id, same time), or one that occurred earlier than it arrives.
   */
  public void publish(String type, String placementId, Map<String, Object> data, String eventId, Instant occurredAt) {
    SyntheticEvents.publish(rabbit, exchange,
        SyntheticEvents.event(eventId, type, placementId, placementId, occurredAt, data));
  }

  /** Waits for a transport event of this type about this placement. */
  public JsonNode await(String type, String placementId) {
    return await(type, placementId, event -> true);
  }

  public JsonNode await(String type, String placementId, Predicate<JsonNode> matching) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    int from = 0;
    while (Instant.now().isBefore(deadline)) {
      for (int i = from; i < seen.size(); i++) {
        JsonNode event = seen.get(i);
        if (is(event, type, placementId) && matching.test(event)) {
          return event;
        }
      }
      from = seen.size();
      receiveFor(Duration.ofMillis(200));
    }
    throw new AssertionError("no " + type + " for " + placementId + "; seen " + seen);
  }

  /** All events of this type about this placement received within {@code quiet}. */
  public List<JsonNode> all(String type, String placementId, Duration quiet) {
    receiveFor(quiet);
    return seen.stream().filter(event -> is(event, type, placementId)).toList();
  }

  private void receiveFor(Duration duration) {
    Instant until = Instant.now().plus(duration);
    while (Instant.now().isBefore(until)) {
      Message message = rabbit.receive(queue, 100);
      if (message != null) {
        JsonNode event = JSON.readTree(message.getBody());
        if (!event.path("type").asString().equals(message.getMessageProperties().getType())) {
          throw new AssertionError("AMQP type property differs from the body's type: " + event);
        }
        seen.add(event);
      }
    }
  }

  private static boolean is(JsonNode event, String type, String placementId) {
    return type.equals(event.path("type").asString())
        && placementId.equals(event.path("data").path("placementId").asString());
  }
}
