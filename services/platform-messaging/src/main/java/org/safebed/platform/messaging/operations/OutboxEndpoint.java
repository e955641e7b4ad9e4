package org.safebed.platform.messaging.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safebed.platform.messaging.outbox.OutboxBacklog;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/outbox}: how many events wait to be published and how old the oldest is.
 * Counts and ages only, never an event. A growing age means the broker refuses or cannot be reached
 * (or an event type has no queue bound); the relay's log lines name the event ids and the reason.
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

  private final OutboxRelay relay;

  public OutboxEndpoint(OutboxRelay relay) {
    this.relay = relay;
  }

  /** The backlog as JSON-friendly numbers (seconds rather than ISO durations). */
  public record View(
      long pending,
      double oldestPendingAgeSeconds,
      int retrying,
      boolean waitingForBroker,
      Map<String, CollectionView> collections) {}

  /** One outbox collection. */
  public record CollectionView(long pending, double oldestPendingAgeSeconds) {}

  @ReadOperation
  public View backlog() {
    OutboxBacklog backlog = relay.backlog();
    Map<String, CollectionView> collections = new LinkedHashMap<>();
    backlog.byCollection().forEach((name, of) ->
        collections.put(name, new CollectionView(of.pending(), seconds(of.oldestPendingAge()))));
    return new View(backlog.pending(), seconds(backlog.oldestPendingAge()), backlog.retrying(),
        backlog.waitingForBroker(), collections);
  }

  static double seconds(java.time.Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
