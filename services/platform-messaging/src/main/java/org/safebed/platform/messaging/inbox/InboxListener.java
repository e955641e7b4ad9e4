package org.safebed.platform.messaging.inbox;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import org.safebed.platform.messaging.EventWireFormat;
import org.safebed.platform.messaging.EventWireFormat.MalformedEventException;
import org.safebed.platform.messaging.IncomingEvent;
import org.safebed.platform.messaging.inbox.EventSubscriptions.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Dispatches the messages of a service's inbox queue to its handlers, acknowledging manually:
 *
 * <ul>
 *   <li>handled: ack, only after the handler stored its effect;
 *   <li>unknown type or unreadable body: reject without requeue, so it is dead-lettered at once;
 *   <li>too early ({@link RetryLaterException}) or a transient failure: returned to the queue after
 *       a short pause; the queue's delivery limit dead-letters it if it never succeeds.
 * </ul>
 *
 * Log lines name the event id, type and exception class only: never a body or an exception message,
 * which could quote personal data.
 */
public final class InboxListener implements ChannelAwareMessageListener {

  private static final Logger log = LoggerFactory.getLogger(InboxListener.class);

  private final EventSubscriptions subscriptions;
  private final EventWireFormat wireFormat;

  public InboxListener(EventSubscriptions subscriptions, EventWireFormat wireFormat) {
    this.subscriptions = subscriptions;
    this.wireFormat = wireFormat;
  }

  @Override
  public void onMessage(Message message, Channel channel) throws IOException {
    long tag = message.getMessageProperties().getDeliveryTag();
    String type = EventWireFormat.typeOf(message);
    String eventId = message.getMessageProperties().getMessageId();
    Subscription<?> subscription = type == null ? null : subscriptions.forType(type).orElse(null);
    if (subscription == null) {
      log.warn("Dead-lettering event {}: no handler for type {}", eventId, type);
      channel.basicReject(tag, false);
      return;
    }
    try {
      dispatch(subscription, message);
      channel.basicAck(tag, false);
    } catch (MalformedEventException e) {
      log.warn("Dead-lettering event {} ({}): {}", eventId, type, e.getMessage());
      channel.basicReject(tag, false);
    } catch (RetryLaterException e) {
      log.info("Event {} ({}) arrived early, will be redelivered", eventId, type);
      pauseBeforeRequeue(message);
      channel.basicNack(tag, false, true);
    } catch (RuntimeException e) {
      log.warn(
          "Event {} ({}) failed with {}, will be redelivered",
          eventId,
          type,
          e.getClass().getSimpleName());
      pauseBeforeRequeue(message);
      channel.basicNack(tag, false, true);
    }
  }

  private <T> void dispatch(Subscription<T> subscription, Message message) {
    IncomingEvent<T> event = wireFormat.read(message, subscription.dataType());
    subscription.handler().handle(event);
  }

  /**
   * Requeued messages come straight back; a pause growing with the delivery count (quorum queues
   * count it) gives the missing state time to arrive instead of burning the delivery limit.
   */
  private static void pauseBeforeRequeue(Message message) {
    Object count = message.getMessageProperties().getHeaders().get("x-delivery-count");
    long deliveries = count instanceof Number n ? n.longValue() : 0;
    try {
      Thread.sleep(Math.min(2_000, 100 * (deliveries + 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
