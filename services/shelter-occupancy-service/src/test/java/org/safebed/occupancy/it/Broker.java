package org.safebed.occupancy.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.SyntheticEvents;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The real broker as tests see it, in the test context's namespace: a probe queue bound to every
 * event this service publishes (so the outbox relay's mandatory publishes are routable, and tests
 * can read them), and publishing of test events as other services would send them.
 */
public final class Broker {

  private static final Map<String, Broker> BY_NAMESPACE = new ConcurrentHashMap<>();

  private final RabbitTemplate rabbit;
  private final String exchange;
  private final String probeQueue;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public record Received(String type, MessageProperties properties, String body) {
    public JsonNode json() {
      return ServiceHttp.JSON.readTree(body);
    }

    public JsonNode data() {
      return json().get("data");
    }
  }

  private Broker(String addresses, String namespace) {
    CachingConnectionFactory factory = new CachingConnectionFactory(java.net.URI.create(addresses));
    this.rabbit = new RabbitTemplate(factory);
    this.exchange = namespace + "safebed.events";
    this.probeQueue = namespace + "test.probe";
    RabbitAdmin admin = new RabbitAdmin(factory);
    TopicExchange events = new TopicExchange(exchange, true, false);
    Queue probe = QueueBuilder.durable(probeQueue).expires(120_000).build();
    admin.declareExchange(events);
    admin.declareQueue(probe);
    admin.declareBinding(BindingBuilder.bind(probe).to(events).with("placement.#"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        admin.deleteQueue(probeQueue);
        factory.destroy();
      } catch (RuntimeException ignored) {
        // the queue expires by itself
      }
    }));
  }

  public static Broker of(String addresses, String namespace) {
    return BY_NAMESPACE.computeIfAbsent(namespace, ns -> new Broker(addresses, ns));
  }

  /** Waits for an event of this type whose data matches, as the relay published it. */
  public Received awaitEvent(String type, Predicate<JsonNode> dataMatches) {
    Received[] found = new Received[1];
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
      drain();
      found[0] = find(type, dataMatches).orElse(null);
      return found[0] != null;
    });
    return found[0];
  }

  public Received awaitEventFor(String type, String placementId) {
    return awaitEvent(type, data -> placementId.equals(data.path("placementId").asString()));
  }

  public List<Received> eventsFor(String type, String placementId) {
    drain();
    return received.stream()
        .filter(r -> r.type().equals(type) && placementId.equals(r.data().path("placementId").asString()))
        .toList();
  }

  /** Publishes an event as its producer would: SafeBed envelope and AMQP properties. */
  public String publish(String type, String aggregateId, Map<String, Object> data) {
    return publish(type, aggregateId, data, Instant.now());
  }

  public String publish(String type, String aggregateId, Map<String, Object> data, Instant occurredAt) {
    Message event = SyntheticEvents.event(type, aggregateId, aggregateId, occurredAt, data);
    SyntheticEvents.publish(rabbit, exchange, event);
    return SyntheticEvents.idOf(event);
  }

  private Optional<Received> find(String type, Predicate<JsonNode> dataMatches) {
    return received.stream().filter(r -> r.type().equals(type) && dataMatches.test(r.data())).findFirst();
  }

  private synchronized void drain() {
    Message message;
    while ((message = rabbit.receive(probeQueue)) != null) {
      received.add(new Received(message.getMessageProperties().getType(), message.getMessageProperties(),
          new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8)));
    }
  }
}
