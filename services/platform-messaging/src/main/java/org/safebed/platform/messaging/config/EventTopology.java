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
 * own dead-letter queue through the dead-letter exchange. The dead-letter exchange also routes the
 * inbox's own name to the inbox, the way replayed dead letters go back.
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
    // The way back for replayed dead letters: to this inbox only. Through the events exchange every
    // consumer of the type would get them again, and a service may publish there only its own types.
    declarables.add(BindingBuilder.bind(inbox).to(deadLetters).with(properties.inboxQueue()));
    for (String type : types) {
      Binding binding = BindingBuilder.bind(inbox).to(events).with(type);
      declarables.add(binding);
    }
    return new Declarables(declarables);
  }
}
