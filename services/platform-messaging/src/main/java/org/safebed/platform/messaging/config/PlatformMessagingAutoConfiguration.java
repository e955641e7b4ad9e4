package org.safebed.platform.messaging.config;

import java.time.Clock;
import org.safebed.platform.messaging.EventWireFormat;
import org.safebed.platform.messaging.deadletter.DeadLetters;
import org.safebed.platform.messaging.inbox.EventSubscriptions;
import org.safebed.platform.messaging.inbox.InboxListener;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Wires SafeBed messaging into a service: publisher confirms and returns on the connection, the
 * events exchange, the outbox relay and, when the service declares {@link EventSubscriptions}, its
 * inbox queue, dead-letter queue, listener and the operators' access to its dead letters.
 */
@AutoConfiguration(after = {RabbitAutoConfiguration.class, DataMongoAutoConfiguration.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class PlatformMessagingAutoConfiguration {

  /** The relay relies on confirms and returns: no configuration can forget to turn them on. */
  @Bean
  static BeanPostProcessor safebedPublisherConfirms() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CachingConnectionFactory factory) {
          factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
          factory.setPublisherReturns(true);
        }
        return bean;
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  EventWireFormat eventWireFormat() {
    return new EventWireFormat();
  }

  @Bean
  TopicExchange safebedEventsExchange(MessagingProperties properties) {
    return EventTopology.eventsExchange(properties);
  }

  @Bean
  OutboxRelay outboxRelay(
      MongoTemplate mongo,
      ConnectionFactory connectionFactory,
      MessagingProperties properties,
      EventWireFormat wireFormat,
      Clock clock) {
    RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
    rabbit.setMandatory(true);
    // The relay reads returns from each publish's CorrelationData; no separate callback needed.
    rabbit.setReturnsCallback(returned -> {});
    OutboxRelay relay = new OutboxRelay(mongo, rabbit, properties, wireFormat, clock);
    // Any new connection (the relay's own or a listener's reconnect) ends the wait for the broker.
    connectionFactory.addConnectionListener(connection -> relay.brokerAvailable());
    return relay;
  }

  @Bean
  @ConditionalOnBean(EventSubscriptions.class)
  Declarables safebedInboxTopology(
      MessagingProperties properties, EventSubscriptions subscriptions) {
    return EventTopology.inbox(properties, subscriptions.types());
  }

  @Bean
  @ConditionalOnBean(EventSubscriptions.class)
  SimpleMessageListenerContainer safebedInboxContainer(
      ConnectionFactory connectionFactory,
      MessagingProperties properties,
      EventSubscriptions subscriptions,
      EventWireFormat wireFormat) {
    SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
    container.setQueueNames(properties.inboxQueue());
    container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
    container.setPrefetchCount(properties.prefetch());
    container.setConcurrentConsumers(properties.consumerConcurrency());
    container.setDefaultRequeueRejected(false);
    container.setMissingQueuesFatal(false);
    container.setMessageListener(new InboxListener(subscriptions, wireFormat));
    // Each delivery continues the trace in its traceparent header (a no-op without tracing).
    container.setObservationEnabled(true);
    return container;
  }

  @Bean
  @ConditionalOnBean(EventSubscriptions.class)
  DeadLetters safebedDeadLetters(ConnectionFactory connectionFactory, MessagingProperties properties) {
    RabbitTemplate publisher = new RabbitTemplate(connectionFactory);
    publisher.setMandatory(true);
    publisher.setReturnsCallback(returned -> {});
    return new DeadLetters(connectionFactory, publisher, properties);
  }

  /** Test runs share one broker: each removes its own namespaced queues when it ends. */
  @Bean
  @ConditionalOnBean(EventSubscriptions.class)
  DisposableBean safebedTestQueueCleanup(
      RabbitAdmin admin, MessagingProperties properties) {
    return () -> {
      if (properties.deleteQueuesOnShutdown() && !properties.namespace().isEmpty()) {
        admin.deleteQueue(properties.inboxQueue());
        admin.deleteQueue(properties.deadLetterQueue());
      }
    };
  }
}
