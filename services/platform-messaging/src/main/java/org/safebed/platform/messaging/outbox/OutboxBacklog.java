package org.safebed.platform.messaging.outbox;

import java.time.Duration;
import java.util.Map;

/**
 * The unpublished events of a service at one moment, for operators and metrics: how many, how old
 * the oldest is, and how many this instance is retrying after a failure. Counts and ages only.
 *
 * @param pending events recorded but not yet confirmed by the broker
 * @param oldestPendingAge age of the oldest of them, zero when none
 * @param retrying events this instance failed to publish and will try again after a backoff
 * @param waitingForBroker this instance cannot reach the broker and waits for it
 * @param byCollection the same per outbox collection
 */
public record OutboxBacklog(
    long pending,
    Duration oldestPendingAge,
    int retrying,
    boolean waitingForBroker,
    Map<String, OfCollection> byCollection) {

  /** One outbox collection's share. */
  public record OfCollection(long pending, Duration oldestPendingAge) {}

  public OutboxBacklog {
    byCollection = Map.copyOf(byCollection);
  }

  static OutboxBacklog of(Map<String, OfCollection> byCollection, int retrying, boolean waitingForBroker) {
    long pending = 0;
    Duration oldest = Duration.ZERO;
    for (OfCollection collection : byCollection.values()) {
      pending += collection.pending();
      if (collection.oldestPendingAge().compareTo(oldest) > 0) {
        oldest = collection.oldestPendingAge();
      }
    }
    return new OutboxBacklog(pending, oldest, retrying, waitingForBroker, byCollection);
  }
}
