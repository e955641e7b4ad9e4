package org.safebed.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.safebed.platform.testing.SafeBedTestInfrastructure;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(
    classes = MessagingTestApplication.class,
    properties = {
      "safebed.messaging.service-name=messaging-test",
      "safebed.messaging.outbox-collections=things",
      "safebed.messaging.relay-interval=100ms",
      "safebed.messaging.delivery-limit=3"
    })
@ContextConfiguration(initializers = SafeBedTestInfrastructure.class)
class OutboxAndInboxIT {

  @Autowired MongoTemplate mongo;
  @Autowired OutboxRelay relay;
  @Autowired RabbitTemplate rabbit;
  @Autowired RabbitAdmin admin;
  @Autowired MessagingProperties properties;

  @BeforeEach
  void clean() {
    MessagingTestApplication.handled.clear();
  }

  private List<?> pendingOf(String thingId) {
    Document doc = mongo.getCollection("things").find(new Document("_id", thingId)).first();
    return doc.getList(OutboxEvent.PENDING_EVENTS_FIELD, Object.class);
  }

  @Test
  void recordedEventIsPublishedOnceConfirmedAndConsumedWithItsEnvelope() {
    String thingId = Things.record(mongo, "thing.happened.v1");
    relay.wake();

    await().atMost(Duration.ofSeconds(10)).until(() -> pendingOf(thingId).isEmpty());
    await().atMost(Duration.ofSeconds(10)).until(() ->
        MessagingTestApplication.handled.stream().anyMatch(e -> e.aggregateId().equals(thingId)));
    IncomingEvent<MessagingTestApplication.ThingHappened> event = MessagingTestApplication.handled.stream()
        .filter(e -> e.aggregateId().equals(thingId)).findFirst().orElseThrow();
    assertThat(event.type()).isEqualTo("thing.happened.v1");
    assertThat(event.correlationId()).isEqualTo(thingId);
    assertThat(event.data()).isEqualTo(new MessagingTestApplication.ThingHappened(thingId, 3));
  }

  @Test
  void unroutableEventStaysPendingUntilAQueueIsBound() {
    String type = "thing.unbound-" + UUID.randomUUID().toString().substring(0, 6) + ".v1";
    String thingId = Things.record(mongo, type);

    relay.publishPending();
    assertThat(pendingOf(thingId)).hasSize(1);

    Queue late = new AnonymousQueue();
    admin.declareQueue(late);
    admin.declareBinding(BindingBuilder.bind(late).to(new TopicExchange(properties.exchange())).with(type));

    await().atMost(Duration.ofSeconds(15)).until(() -> pendingOf(thingId).isEmpty());
    Message delivered = rabbit.receive(late.getName(), 5_000);
    assertThat(delivered).isNotNull();
    assertThat(delivered.getMessageProperties().getType()).isEqualTo(type);
    assertThat(new String(delivered.getBody(), StandardCharsets.UTF_8)).contains("\"aggregateId\":\"" + thingId + "\"");
    admin.deleteQueue(late.getName());
  }

  @Test
  void eventThatArrivesEarlyIsRedeliveredUntilItApplies() {
    MessagingTestApplication.earlyAttemptsLeft.set(2);
    String thingId = Things.record(mongo, "thing.early.v1");
    relay.wake();

    await().atMost(Duration.ofSeconds(15)).until(() ->
        MessagingTestApplication.handled.stream().anyMatch(e -> e.aggregateId().equals(thingId)));
    assertThat(MessagingTestApplication.earlyAttemptsLeft.get()).isLessThan(0);
  }
}
