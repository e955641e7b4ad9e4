package org.safebed.platform.messaging.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * The RabbitMQ objects SafeBed relies on: the events exchange every service publishes to, and for a
 * consuming service its durable quorum inbox with an explicit delivery limit, dead-lettering to its
 * own dead-letter queue through the dead-letter exchange.
 */
public final class EventTopology {

  private EventTopology() {}

  public static TopicExchange eventsExchange(MessagingProperties properties) {
    return new TopicExchange(properties.exchange(), true, false);
  }

  public static Declarables inbox(MessagingProperties properties, Set<String> types) {
    TopicExchange events = eventsExchange(properties);
    TopicExchange deadLetters = new TopicExchange(properties.deadLetterExchange(), true, false);
    Queue inbox =
        QueueBuilder.durable(properties.inboxQueue())
            .quorum()
            .deliveryLimit(properties.deliveryLimit())
            .deadLetterExchange(properties.deadLetterExchange())
            .deadLetterRoutingKey(properties.deadLetterQueue())
            .build();
    Queue deadLetterQueue = QueueBuilder.durable(properties.deadLetterQueue()).quorum().build();

    List<Declarable> declarables = new ArrayList<>();
    declarables.add(deadLetters);
    declarables.add(inbox);
    declarables.add(deadLetterQueue);
    declarables.add(
        BindingBuilder.bind(deadLetterQueue).to(deadLetters).with(properties.deadLetterQueue()));
    for (String type : types) {
      Binding binding = BindingBuilder.bind(inbox).to(events).with(type);
      declarables.add(binding);
    }
    return new Declarables(declarables);
  }
}
