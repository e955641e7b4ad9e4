package org.safebed.platform.messaging.inbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event types a service consumes, each with the record its data is read into and its handler.
 * Declaring this bean is all a service does to consume: the platform declares the service's inbox
 * queue (bound to exactly these types), its dead-letter queue, and the listener.
 */
public final class EventSubscriptions {

  /** One subscription: the type, the consumer's own data record, the handler. */
  public record Subscription<T>(String type, Class<T> dataType, EventHandler<T> handler) {}

  private final Map<String, Subscription<?>> byType = new LinkedHashMap<>();

  private EventSubscriptions() {}

  public static EventSubscriptions create() {
    return new EventSubscriptions();
  }

  public <T> EventSubscriptions on(String type, Class<T> dataType, EventHandler<T> handler) {
    if (byType.putIfAbsent(type, new Subscription<>(type, dataType, handler)) != null) {
      throw new IllegalArgumentException("Two handlers for event type " + type);
    }
    return this;
  }

  public Set<String> types() {
    return Collections.unmodifiableSet(byType.keySet());
  }

  public Optional<Subscription<?>> forType(String type) {
    return Optional.ofNullable(byType.get(type));
  }
}
