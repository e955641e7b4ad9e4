package org.safebed.referral.it;

import java.time.Duration;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.safebed.platform.testing.TestClock;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans every integration test shares (one Spring context for the whole suite). */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupport {

  @Bean
  @Primary
  TestClock testClock() {
    return new TestClock();
  }

  /**
   * Stands in for the consumers of our events: exclusive, so it goes away with the connection (not
   * auto-delete: each timed receive is a short-lived consumer whose end would delete it).
   */
  @Bean
  Declarables testPublishedEventsQueue(MessagingProperties properties, TopicExchange safebedEventsExchange) {
    Queue queue =
        QueueBuilder.nonDurable(TestEvents.queueName(properties))
            .exclusive()
            .expires((int) Duration.ofMinutes(10).toMillis())
            .build();
    Binding binding = BindingBuilder.bind(queue).to(safebedEventsExchange).with(TestEvents.TENANCY_STARTED);
    return new Declarables(queue, binding);
  }

  @Bean
  TestEvents testEvents(ConnectionFactory connectionFactory, MessagingProperties properties) {
    return new TestEvents(new RabbitTemplate(connectionFactory), properties);
  }
}
