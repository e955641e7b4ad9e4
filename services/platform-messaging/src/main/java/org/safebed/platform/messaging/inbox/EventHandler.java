package org.safebed.platform.messaging.inbox;

import org.safebed.platform.messaging.IncomingEvent;

/**
 * Applies one event. Implementations must be idempotent (keyed by the causing id) and must throw
 * {@link RetryLaterException} when the event arrived before the state it depends on.
 */
@FunctionalInterface
public interface EventHandler<T> {
  void handle(IncomingEvent<T> event);
}
