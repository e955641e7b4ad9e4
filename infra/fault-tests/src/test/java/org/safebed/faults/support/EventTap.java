package org.safebed.faults.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * Watches the events exchange for some event types through a durable queue of its own (so it sees
 * everything published across a broker restart) and keeps every event it saw. Can also deliver
 * every event again: as soon as it sees one ({@link #duplicateEach}) or later ({@link #redeliver}).
 * Copies carry the header {@value #COPY_HEADER} so the tap does not copy its own copies.
 */
public final class EventTap implements AutoCloseable {

  public static final String COPY_HEADER = "x-safebed-fault-copy";

  /** One event as published, with the placement it concerns. */
  public record Seen(String eventId, String type, String placementId, byte[] body, MessageProperties properties) {}

  private final RabbitAdmin admin;
  private final RabbitTemplate rabbit;
  private final String exchange;
  private final Queue queue;
  private final SimpleMessageListenerContainer container;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile int extraCopies;

  EventTap(FaultSuite suite, String... types) {
    this.admin = suite.admin();
    this.rabbit = suite.rabbit();
    this.exchange = suite.exchange();
    this.queue = QueueBuilder.durable(suite.namespace() + "fault-tap." + UUID.randomUUID().toString().substring(0, 8)).build();
    admin.declareQueue(queue);
    for (String type : types) {
      admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(exchange)).with(type));
    }
    container = new SimpleMessageListenerContainer(suite.connections());
    container.setQueues(queue);
    container.setAcknowledgeMode(AcknowledgeMode.AUTO);
    container.setRecoveryInterval(500);
    container.setMessageListener(this::onMessage);
    container.start();
  }

  private void onMessage(Message message) {
    MessageProperties properties = message.getMessageProperties();
    if (properties.getHeaders().containsKey(COPY_HEADER)) {
      return;
    }
    Seen event = new Seen(properties.getMessageId(), properties.getType(), placementOf(message.getBody()),
        message.getBody(), properties);
    seen.add(event);
    if (extraCopies > 0) {
      publishCopies(event, extraCopies);
    }
  }

  /** From now on, every event seen is published {@code copies} more times at once. */
  public void duplicateEach(int copies) {
    this.extraCopies = copies;
  }

  /** Publishes each of {@code events} {@code times} more times, with its id and body unchanged. */
  public void redeliver(List<Seen> events, int times) {
    for (Seen event : events) {
      publishCopies(event, times);
    }
  }

  private void publishCopies(Seen event, int copies) {
    for (int i = 0; i < copies; i++) {
      MessageProperties copy = new MessageProperties();
      copy.setMessageId(event.properties().getMessageId());
      copy.setType(event.properties().getType());
      copy.setCorrelationId(event.properties().getCorrelationId());
      copy.setContentType(event.properties().getContentType());
      copy.setContentEncoding(event.properties().getContentEncoding());
      copy.setDeliveryMode(event.properties().getDeliveryMode());
      copy.setHeader(COPY_HEADER, i + 1);
      rabbit.send(exchange, event.type(), new Message(event.body(), copy));
    }
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  public List<Seen> of(String placementId) {
    List<Seen> matching = new ArrayList<>();
    for (Seen event : seen) {
      if (Objects.equals(placementId, event.placementId())) {
        matching.add(event);
      }
    }
    return matching;
  }

  /** Distinct event ids of this type about this placement: how often the effect was caused. */
  public long distinct(String type, String placementId) {
    return seen.stream()
        .filter(e -> type.equals(e.type()) && Objects.equals(placementId, e.placementId()))
        .map(Seen::eventId)
        .distinct()
        .count();
  }

  @Override
  public void close() {
    container.stop();
    admin.deleteQueue(queue.getName());
  }

  /** Every SafeBed event names its placement in {@code data.placementId} (or is about it). */
  static String placementOf(byte[] body) {
    try {
      JsonNode root = Http.JSON.readTree(body);
      JsonNode data = root.get("data");
      if (data != null && data.hasNonNull("placementId")) {
        return data.get("placementId").asString();
      }
      return root.hasNonNull("correlationId") ? root.get("correlationId").asString() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
