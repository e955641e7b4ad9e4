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
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Dispatches the messages of a service's inbox queue to its handlers, acknowledging manually:
 *
 * <ul>
 *   <li>handled: ack, only after the handler stored its effect;
 *   <li>unknown type (or version) or unreadable body: returned to the queue at once, without a
 *       pause, so that another instance of the service (a newer one during a rolling upgrade) may
 *       take it; the queue's delivery limit dead-letters it after a few quick deliveries. A broker
 *       that does not count deliveries (no {@code x-delivery-count}) would return it for ever, so
 *       there it is rejected on its redelivery instead;
 *   <li>too early ({@link RetryLaterException}) or a transient failure: returned to the queue after
 *       a short pause; the queue's delivery limit dead-letters it if it never succeeds.
 * </ul>
 *
 * Log lines name the event id, type and exception class only: never a body or an exception message,
 * which could quote personal data.
 */
public final class InboxListener implements ChannelAwareMessageListener {

  private static final Logger log = LoggerFactory.getLogger(InboxListener.class);
  /** Quorum queues count earlier deliveries of a message in this header. */
  static final String DELIVERY_COUNT = "x-delivery-count";

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
      refuse(message, channel, "no handler for this type");
      return;
    }
    try {
      dispatch(subscription, message);
    } catch (MalformedEventException e) {
      refuse(message, channel, e.getMessage());
      return;
    } catch (RetryLaterException e) {
      log.info("Event {} ({}) arrived early, will be redelivered", eventId, type);
      pauseBeforeRequeue(message);
      channel.basicNack(tag, false, true);
      return;
    } catch (RuntimeException e) {
      log.warn(
          "Event {} ({}) failed with {}, will be redelivered",
          eventId,
          type,
          e.getClass().getSimpleName());
      pauseBeforeRequeue(message);
      channel.basicNack(tag, false, true);
      return;
    }
    // Outside the handler's try: an acknowledgement lost with the connection is no handler failure.
    // The broker delivers the event again and the idempotent handler changes nothing.
    channel.basicAck(tag, false);
  }

  /** A message this instance can never apply: see the class comment. */
  private static void refuse(Message message, Channel channel, String reason) throws IOException {
    MessageProperties properties = message.getMessageProperties();
    long tag = properties.getDeliveryTag();
    Object count = properties.getHeaders().get(DELIVERY_COUNT);
    if (count == null && Boolean.TRUE.equals(properties.isRedelivered())) {
      log.warn("Rejecting event {} ({}): {}", properties.getMessageId(), properties.getType(), reason);
      channel.basicReject(tag, false);
      return;
    }
    log.warn(
        "Event {} ({}) refused on delivery {}: {}; returned until the delivery limit dead-letters it",
        properties.getMessageId(),
        properties.getType(),
        count instanceof Number n ? n.longValue() + 1 : 1,
        reason);
    channel.basicNack(tag, false, true);
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
    Object count = message.getMessageProperties().getHeaders().get(DELIVERY_COUNT);
    long deliveries = count instanceof Number n ? n.longValue() : 0;
    try {
      Thread.sleep(Math.min(2_000, 100 * (deliveries + 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
