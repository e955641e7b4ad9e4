package org.safebed.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

class EmbeddedAmqpBrokerTest {

  @Test
  void acceptsRabbitQuorumQueuesConfirmsPublishesAndDelivers() throws Exception {
    try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(0)) {
      assertThat(broker.uri()).isEqualTo("amqp://guest:guest@127.0.0.1:" + broker.port());
      CachingConnectionFactory connections = connectionFactory(broker.uri());
      try {
        TopicExchange exchange = new TopicExchange("safebed.events");
        Queue inbox = QueueBuilder.durable("transport.inbox")
            .quorum()
            .deliveryLimit(5)
            .deadLetterExchange("safebed.events.dlx")
            .build();
        Binding binding = BindingBuilder.bind(inbox).to(exchange).with("placement.bed-held.v1");
        RabbitAdmin admin = new RabbitAdmin(connections);
        admin.declareExchange(exchange);
        admin.declareQueue(inbox);
        admin.declareBinding(binding);

        RabbitTemplate rabbit = new RabbitTemplate(connections);
        rabbit.setMandatory(true);
        CorrelationData confirm = new CorrelationData("event-1");
        Message event = MessageBuilder.withBody("{\"eventId\":\"event-1\"}".getBytes(StandardCharsets.UTF_8))
            .setContentType("application/json")
            .setMessageId("event-1")
            .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
            .build();
        rabbit.send("safebed.events", "placement.bed-held.v1", event, confirm);

        assertThat(confirm.getFuture().get(5, TimeUnit.SECONDS).ack()).isTrue();
        assertThat(confirm.getReturned()).isNull();
        Message received = rabbit.receive("transport.inbox", 5_000);
        assertThat(received).isNotNull();
        assertThat(received.getMessageProperties().getMessageId()).isEqualTo("event-1");
        assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).contains("event-1");
      } finally {
        connections.destroy();
      }
    }
  }

  @Test
  void thePublisherLearnsThatAnUnroutableMandatoryMessageWentNowhere() throws Exception {
    try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(0)) {
      CachingConnectionFactory connections = connectionFactory(broker.uri());
      try {
        new RabbitAdmin(connections).declareExchange(new TopicExchange("safebed.events"));
        RabbitTemplate rabbit = new RabbitTemplate(connections);
        rabbit.setMandatory(true);
        CorrelationData confirm = new CorrelationData("event-2");

        rabbit.send("safebed.events", "nobody.listens.v1", new Message(new byte[] {1}), confirm);

        // Qpid nacks before it returns (RabbitMQ returns, then acks): either tells the outbox relay
        // to publish again.
        boolean acked = confirm.getFuture().get(5, TimeUnit.SECONDS).ack();
        assertThat(!acked || confirm.getReturned() != null).isTrue();
      } finally {
        connections.destroy();
      }
    }
  }

  @Test
  void aRestartedBrokerOnTheSamePortIsEmptyAndUsable() {
    int port;
    try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(0)) {
      port = broker.port();
      CachingConnectionFactory connections = connectionFactory(broker.uri());
      new RabbitAdmin(connections).declareQueue(new Queue("left-over"));
      new RabbitTemplate(connections).convertAndSend("left-over", "x");
      connections.destroy();
    }
    try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(port)) {
      CachingConnectionFactory connections = connectionFactory(broker.uri());
      try {
        assertThat(broker.port()).isEqualTo(port);
        assertThat(new RabbitAdmin(connections).getQueueProperties("left-over")).isNull();
      } finally {
        connections.destroy();
      }
    }
  }

  @Test
  void leavesStoppingToItsOwnerRatherThanToAJvmShutdownHook() {
    try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(0)) {
      assertThat(broker.shutdownHookDetached()).isTrue();
    }
  }

  private static CachingConnectionFactory connectionFactory(String uri) {
    CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(uri));
    connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
    connections.setPublisherReturns(true);
    return connections;
  }
}
