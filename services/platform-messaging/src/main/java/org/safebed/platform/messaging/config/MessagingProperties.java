package org.safebed.platform.messaging.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Messaging settings of one service.
 *
 * @param serviceName names the service's inbox queue ({@code <serviceName>.inbox})
 * @param namespace prefix for the exchange and queue names; empty in production, random in tests
 *     so that test runs sharing one broker never see each other's messages
 * @param outboxCollections Mongo collections whose documents carry a {@code pendingEvents} outbox
 * @param relayInterval how often the relay retries the documents it was told of whose events are
 *     still pending (a failure, a backoff)
 * @param sweepInterval how often the relay also sweeps every outbox for pending events nobody told
 *     it of (left by a crash, or by another instance)
 * @param confirmTimeout how long the relay waits for the broker's publisher confirms
 * @param maxBackoff the longest wait before publishing an event again after a failure
 * @param deliveryLimit deliveries of one message before it is dead-lettered
 * @param consumerConcurrency listener threads of the inbox
 * @param prefetch unacknowledged messages a listener thread holds. Kept well below the delivery
 *     limit's reach: RabbitMQ 3.x counts a message handed back by a crashed consumer as a delivery,
 *     so every message a crash-looping consumer had prefetched moves towards the dead-letter queue
 *     without having been tried; fewer prefetched, fewer such messages
 * @param deleteQueuesOnShutdown remove this namespace's queues on shutdown (tests only)
 */
@ConfigurationProperties("safebed.messaging")
public record MessagingProperties(
    String serviceName,
    String namespace,
    List<String> outboxCollections,
    Duration relayInterval,
    Duration sweepInterval,
    Duration confirmTimeout,
    Duration maxBackoff,
    Integer deliveryLimit,
    Integer consumerConcurrency,
    Integer prefetch,
    boolean deleteQueuesOnShutdown) {

  public MessagingProperties {
    namespace = namespace == null ? "" : namespace;
    outboxCollections = outboxCollections == null ? List.of() : List.copyOf(outboxCollections);
    relayInterval = relayInterval == null ? Duration.ofMillis(500) : relayInterval;
    sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
    confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(5) : confirmTimeout;
    maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
    deliveryLimit = deliveryLimit == null ? 10 : deliveryLimit;
    consumerConcurrency = consumerConcurrency == null ? 1 : consumerConcurrency;
    prefetch = prefetch == null ? 5 : prefetch;
  }

  public String exchange() {
    return namespace + "safebed.events";
  }

  public String deadLetterExchange() {
    return namespace + "safebed.events.dlx";
  }

  public String inboxQueue() {
    if (serviceName == null || serviceName.isBlank()) {
      throw new IllegalStateException("safebed.messaging.service-name must be set to consume events");
    }
    return namespace + serviceName + ".inbox";
  }

  public String deadLetterQueue() {
    return inboxQueue() + ".dlq";
  }
}
