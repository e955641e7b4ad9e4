package org.safebed.referral.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.SyntheticEvents;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The broker as other services see it: publishes events to this test run's namespaced exchange
 * and reads what the service published from a queue of the test's own, bound to the events the
 * service publishes (so they are routable: the relay retries unroutable events).
 */
public final class TestEvents {

  public static final String TENANCY_STARTED = "referral.tenancy-started.v1";

  private final RabbitTemplate rabbit;
  private final MessagingProperties properties;
  private final Map<String, List<Message>> receivedByAggregate = new ConcurrentHashMap<>();

  public TestEvents(RabbitTemplate rabbit, MessagingProperties properties) {
    this.rabbit = rabbit;
    this.properties = properties;
  }

  public static String queueName(MessagingProperties properties) {
    return properties.namespace() + "test.published-events";
  }

  public void publish(String type, String aggregateId, Map<String, Object> data) {
    publishWithId(UUID.randomUUID().toString(), type, aggregateId, data);
  }

  public void publishWithId(String eventId, String type, String aggregateId, Map<String, Object> data) {
    publish(eventId, type, aggregateId, data, Instant.now());
  }

  /** An event that happened at {@code occurredAt}, e.g. a check-in weeks ago. */
  public void publishAt(Instant occurredAt, String type, String aggregateId, Map<String, Object> data) {
    publish(UUID.randomUUID().toString(), type, aggregateId, data, occurredAt);
  }

  private void publish(String eventId, String type, String aggregateId, Map<String, Object> data, Instant occurredAt) {
    SyntheticEvents.publish(rabbit, properties.exchange(),
        SyntheticEvents.event(eventId, type, aggregateId, aggregateId, occurredAt, data));
  }

  public void publishRaw(String type, Message message) {
    rabbit.send(properties.exchange(), type, message);
  }

  /** The messages the service published for this aggregate, waiting up to {@code timeout} for the first. */
  public synchronized List<Message> awaitPublished(String aggregateId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && receivedByAggregate.getOrDefault(aggregateId, List.of()).isEmpty()) {
      drain(50);
    }
    return List.copyOf(receivedByAggregate.getOrDefault(aggregateId, List.of()));
  }

  /** Everything published for this aggregate within {@code window} (to prove nothing more came). */
  public synchronized List<Message> publishedWithin(String aggregateId, Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < deadline) {
      drain(50);
    }
    return List.copyOf(receivedByAggregate.getOrDefault(aggregateId, List.of()));
  }

  /** Polls with basic.get: a timed receive would start a consumer whose set-up can time out under load. */
  private void drain(long waitMillis) {
    Message message = rabbit.receive(queueName(properties));
    if (message == null) {
      try {
        Thread.sleep(waitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    while (message != null) {
      JsonNode body = ServiceHttp.JSON.readTree(message.getBody());
      receivedByAggregate
          .computeIfAbsent(body.path("aggregateId").asString(), k -> new ArrayList<>())
          .add(message);
      message = rabbit.receive(queueName(properties));
    }
  }
}
