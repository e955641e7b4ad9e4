package org.safebed.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.safebed.platform.testing.RequiresRabbitMq;
import org.safebed.platform.testing.SafeBedTestInfrastructure;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Dead-lettering by the broker: a quorum queue's delivery limit and the dead-letter exchange. The
 * embedded broker has neither, so without a real RabbitMQ this class is skipped (and named in the
 * build's output); under {@code CI=true} it always runs.
 */
@SpringBootTest(
    classes = MessagingTestApplication.class,
    properties = {
      "safebed.messaging.service-name=messaging-test",
      "safebed.messaging.outbox-collections=things",
      "safebed.messaging.relay-interval=100ms",
      "safebed.messaging.delivery-limit=3"
    })
@ContextConfiguration(initializers = SafeBedTestInfrastructure.class)
@RequiresRabbitMq
class DeadLetteringOnRabbitMqIT {

  @Autowired MongoTemplate mongo;
  @Autowired OutboxRelay relay;
  @Autowired RabbitTemplate rabbit;
  @Autowired MessagingProperties properties;

  @BeforeEach
  void clean() {
    MessagingTestApplication.handled.clear();
  }

  @Test
  void malformedEventIsDeadLetteredAndTheNextOneStillProcessed() {
    MessageProperties props = new MessageProperties();
    props.setType("thing.happened.v1");
    props.setMessageId("poison-" + UUID.randomUUID());
    rabbit.send(properties.exchange(), "thing.happened.v1", new Message("{not json".getBytes(StandardCharsets.UTF_8), props));
    String good = Things.record(mongo, "thing.happened.v1");
    relay.wake();

    await().atMost(Duration.ofSeconds(10)).until(() ->
        MessagingTestApplication.handled.stream().anyMatch(e -> e.aggregateId().equals(good)));
    Message deadLetter = rabbit.receive(properties.deadLetterQueue(), 10_000);
    assertThat(deadLetter).isNotNull();
    assertThat(deadLetter.getMessageProperties().getMessageId()).isEqualTo(props.getMessageId());
  }

  @Test
  void eventThatNeverAppliesIsDeadLetteredAfterTheDeliveryLimit() {
    MessagingTestApplication.earlyAttemptsLeft.set(1_000);
    String thingId = Things.record(mongo, "thing.early.v1");
    relay.wake();

    Message deadLetter = rabbit.receive(properties.deadLetterQueue(), 20_000);
    assertThat(deadLetter).isNotNull();
    assertThat(new String(deadLetter.getBody(), StandardCharsets.UTF_8)).contains(thingId);
    MessagingTestApplication.earlyAttemptsLeft.set(0);
  }
}
