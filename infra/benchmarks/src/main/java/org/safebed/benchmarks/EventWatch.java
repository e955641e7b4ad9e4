package org.safebed.benchmarks;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.net.URI;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Sees SafeBed's events the moment the broker routes them, through a temporary queue of its own
 * bound to the events exchange: when {@code placement.bed-held.v1} and {@code transport.assigned.v1}
 * of each placement arrived. Adds one queue to the routes; takes nothing from the services' inboxes.
 */
final class EventWatch implements AutoCloseable {

  static final String BED_HELD = "placement.bed-held.v1";
  static final String TRANSPORT_ASSIGNED = "transport.assigned.v1";

  private final Connection connection;
  private final Map<String, Long> bedHeldAt = new ConcurrentHashMap<>();
  private final Map<String, Long> assignedAt = new ConcurrentHashMap<>();

  private EventWatch(Connection connection) {
    this.connection = connection;
  }

  /**
   * @param brokerUri the stack's broker, with credentials
   * @param namespace the stack's exchange prefix ({@code safebed.messaging.namespace}), may be empty
   */
  static EventWatch open(String brokerUri, String namespace) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(URI.create(brokerUri));
    Connection connection = factory.newConnection("safebed-benchmark-watch");
    EventWatch watch = new EventWatch(connection);
    Channel channel = connection.createChannel();
    String queue = channel.queueDeclare().getQueue(); // server-named, exclusive, gone with us
    String exchange = namespace + "safebed.events";
    channel.queueBind(queue, exchange, BED_HELD);
    channel.queueBind(queue, exchange, TRANSPORT_ASSIGNED);
    DeliverCallback onEvent = (tag, delivery) -> watch.arrived(
        delivery.getEnvelope().getRoutingKey(), delivery.getBody(), System.nanoTime());
    channel.basicConsume(queue, true, onEvent, tag -> { });
    return watch;
  }

  private void arrived(String type, byte[] body, long nanos) {
    try {
      JsonNode event = SafeBedClient.JSON.readTree(body);
      if (BED_HELD.equals(type)) {
        bedHeldAt.putIfAbsent(event.path("aggregateId").asString(), nanos);
      } else if (TRANSPORT_ASSIGNED.equals(type)) {
        assignedAt.putIfAbsent(event.path("data").path("placementId").asString(), nanos);
      }
    } catch (RuntimeException e) {
      // not an event of ours; nothing to time
    }
  }

  /** When the placement's bed-held event arrived (System.nanoTime), if it has. */
  OptionalLong bedHeldAt(String placementId) {
    Long at = bedHeldAt.get(placementId);
    return at == null ? OptionalLong.empty() : OptionalLong.of(at);
  }

  /** Waits up to {@code timeoutMillis} for the placement's transport-assigned event. */
  OptionalLong awaitAssigned(String placementId, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() < deadline) {
      Long at = assignedAt.get(placementId);
      if (at != null) {
        return OptionalLong.of(at);
      }
      Thread.sleep(1);
    }
    Long at = assignedAt.get(placementId);
    return at == null ? OptionalLong.empty() : OptionalLong.of(at);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (Exception e) {
      // closing anyway
    }
  }
}
