package org.safebed.platform.messaging.deadletter;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ChannelProxy;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.connection.RabbitUtils;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

/**
 * The dead-letter queue of this service's inbox, for operators: list what is there (envelope facts
 * only, never a body), replay one event or all of them once the cause is fixed, or discard one that
 * can never succeed.
 *
 * <p>A replayed event goes back to this service's inbox only (through the dead-letter exchange,
 * which routes the inbox's name to the inbox), published with {@code mandatory} and a publisher
 * confirm; it leaves the dead-letter queue only once the broker confirmed it, so a replay that fails
 * half-way loses nothing. Listing reads messages without acknowledging them and closes its channel,
 * which puts them back.
 */
public final class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private static final MessagePropertiesConverter CONVERTER = new DefaultMessagePropertiesConverter();

  private final ConnectionFactory connectionFactory;
  private final RabbitTemplate publisher;
  private final MessagingProperties properties;

  /** @param publisher a template with {@code mandatory} on a connection with correlated confirms */
  public DeadLetters(
      ConnectionFactory connectionFactory, RabbitTemplate publisher, MessagingProperties properties) {
    this.connectionFactory = connectionFactory;
    this.publisher = publisher;
    this.properties = properties;
  }

  /** What the dead-letter queue holds: its size and up to {@code limit} entries, oldest first. */
  public record Listing(String queue, long total, List<DeadLetter> deadLetters) {}

  /** The outcome of a replay: the ids put back into the inbox, and how many could not be. */
  public record Replay(List<String> replayed, int failed) {}

  public synchronized Listing list(int limit) {
    return onOwnChannel(channel -> {
      long total = channel.queueDeclarePassive(properties.deadLetterQueue()).getMessageCount();
      List<DeadLetter> shown = new ArrayList<>();
      GetResponse response;
      while (shown.size() < limit
          && (response = channel.basicGet(properties.deadLetterQueue(), false)) != null) {
        shown.add(withDeliveries(describe(properties(response))));
      }
      // Unacknowledged: the channel closes physically below and the broker puts them all back.
      // Messages another listing just gave back may not count as ready yet: never report fewer
      // than were read.
      return new Listing(properties.deadLetterQueue(), Math.max(total, shown.size()), shown);
    });
  }

  /** How many events the dead-letter queue holds (the broker's count of ready messages). */
  public long count() {
    return onOwnChannel(channel -> (long) channel.queueDeclarePassive(properties.deadLetterQueue()).getMessageCount());
  }

  /** Puts the dead letter with this event id back into the inbox; empty result if there is none. */
  public synchronized Replay replay(String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    return replayWhere(eventId::equals, 1);
  }

  /** Puts every dead letter back into the inbox. */
  public synchronized Replay replayAll() {
    return replayWhere(id -> true, Integer.MAX_VALUE);
  }

  /** Removes the dead letter with this event id for good; false if there is none. */
  public synchronized boolean discard(String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    return onOwnChannel(channel -> {
      GetResponse response;
      while ((response = channel.basicGet(properties.deadLetterQueue(), false)) != null) {
        if (eventId.equals(response.getProps().getMessageId())) {
          channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
          log.warn("Dead letter {} ({}) discarded by an operator", eventId, response.getProps().getType());
          return true;
        }
      }
      return false;
    });
  }

  /**
   * Removes for good up to {@code limit} dead letters last dead-lettered before {@code cutoff} (the
   * retention period for closed cases ended for them); the others stay.
   *
   * @return the event ids removed
   */
  public synchronized List<String> purgeDeadLetteredBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    return onOwnChannel(channel -> {
      List<String> purged = new ArrayList<>();
      GetResponse response;
      while (purged.size() < limit
          && (response = channel.basicGet(properties.deadLetterQueue(), false)) != null) {
        DeadLetter letter = describe(properties(response));
        Instant at = letter.deadLetteredAt() != null ? letter.deadLetteredAt()
            : response.getProps().getTimestamp() == null ? null : response.getProps().getTimestamp().toInstant();
        if (at != null && at.isBefore(cutoff)) {
          channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
          purged.add(letter.eventId());
        } // else unacknowledged: back in the queue when the channel closes
      }
      return purged;
    });
  }

  private Replay replayWhere(Predicate<String> selected, int max) {
    return onOwnChannel(channel -> {
      List<String> replayed = new ArrayList<>();
      int failed = 0;
      GetResponse response;
      while (replayed.size() + failed < max
          && (response = channel.basicGet(properties.deadLetterQueue(), false)) != null) {
        MessageProperties original = properties(response);
        if (!selected.test(original.getMessageId())) {
          continue; // stays unacknowledged, goes back when the channel closes
        }
        if (putBack(original, response.getBody())) {
          channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
          replayed.add(original.getMessageId());
        } else {
          failed++;
        }
      }
      if (!replayed.isEmpty() || failed > 0) {
        log.warn("Operator replay: {} dead letters put back into {}, {} failed",
            replayed.size(), properties.inboxQueue(), failed);
      }
      return new Replay(replayed, failed);
    });
  }

  private boolean putBack(MessageProperties original, byte[] body) {
    // The inbox counts deliveries afresh; the x-death history stays, so a replay that fails again
    // shows as dead-lettered twice.
    original.getHeaders().remove("x-delivery-count");
    original.setDeliveryTag(0);
    CorrelationData confirm = new CorrelationData(original.getMessageId());
    try {
      publisher.send(
          properties.deadLetterExchange(), properties.inboxQueue(), new Message(body, original), confirm);
      CorrelationData.Confirm result =
          confirm.getFuture().get(properties.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return result.ack() && confirm.getReturned() == null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      log.warn("Replay of dead letter {} failed: {}", original.getMessageId(), e.getClass().getSimpleName());
      return false;
    }
  }

  static DeadLetter describe(MessageProperties message) {
    Map<String, Object> headers = message.getHeaders();
    String reason = text(headers.get("x-first-death-reason"));
    long deadLetterings = 0;
    Instant last = null;
    if (headers.get("x-death") instanceof List<?> deaths) {
      for (Object death : deaths) {
        if (death instanceof Map<?, ?> entry) {
          if (entry.get("count") instanceof Number count) {
            deadLetterings += count.longValue();
          }
          if (entry.get("time") instanceof Date time && (last == null || time.toInstant().isAfter(last))) {
            last = time.toInstant();
          }
          if (reason == null) {
            reason = text(entry.get("reason"));
          }
        }
      }
    }
    return new DeadLetter(message.getMessageId(), message.getType(), reason, null, deadLetterings, last);
  }

  /** A quorum queue dead-letters at its delivery limit after exactly limit + 1 deliveries. */
  private DeadLetter withDeliveries(DeadLetter letter) {
    Integer deliveries = "delivery_limit".equals(letter.reason()) ? properties.deliveryLimit() + 1 : null;
    return new DeadLetter(letter.eventId(), letter.type(), letter.reason(), deliveries,
        letter.deadLetterings(), letter.deadLetteredAt());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static MessageProperties properties(GetResponse response) {
    return CONVERTER.toMessageProperties(response.getProps(), response.getEnvelope(), "UTF-8");
  }

  /**
   * Runs {@code work} on a channel of its own and closes it for real afterwards: every message the
   * work read but did not acknowledge goes back to the queue (also on failure).
   */
  private <T> T onOwnChannel(ChannelWork<T> work) {
    Connection connection = connectionFactory.createConnection();
    Channel channel = connection.createChannel(false);
    Channel physical = channel instanceof ChannelProxy proxy ? proxy.getTargetChannel() : channel;
    try {
      return work.on(channel);
    } catch (IOException e) {
      throw new IllegalStateException("dead-letter queue unavailable: " + e.getClass().getSimpleName());
    } finally {
      try {
        if (physical.isOpen()) {
          physical.close();
        }
      } catch (IOException | TimeoutException | RuntimeException e) {
        abort(physical);
      }
      RabbitUtils.closeChannel(channel);
    }
  }

  private static void abort(Channel channel) {
    try {
      channel.abort();
    } catch (IOException | RuntimeException ignored) {
      // already gone: the broker has put its messages back
    }
  }

  @FunctionalInterface
  private interface ChannelWork<T> {
    T on(Channel channel) throws IOException;
  }
}
