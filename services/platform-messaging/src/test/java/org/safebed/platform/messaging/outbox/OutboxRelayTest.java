package org.safebed.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.UpdateOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.messaging.EventWireFormat;
import org.safebed.platform.messaging.OutboxEvent;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.safebed.platform.testing.TestClock;
import org.safebed.platform.testing.TestMongo;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The relay: it reads the documents writers name by id, sweeps for the rest; while the broker is
 * away it waits as a whole, keeps every event, resumes on reconnect.
 */
class OutboxRelayTest {

  private final TestClock clock = TestClock.stoppedAt(Instant.parse("2026-11-22T12:00:00Z"));
  private final RabbitTemplate rabbit = mock(RabbitTemplate.class);
  private MongoTemplate mongo;
  private OutboxRelay relay;

  @BeforeEach
  void relay() {
    String database = "relay_" + UUID.randomUUID().toString().substring(0, 8);
    mongo = new MongoTemplate(MongoClients.create(TestMongo.baseUri()), database);
    MessagingProperties properties = new MessagingProperties(
        "relay-test", "", List.of("things"), null, null, Duration.ofSeconds(1), Duration.ofSeconds(30), null, null, null, false);
    relay = new OutboxRelay(mongo, rabbit, properties, new EventWireFormat(), clock);
  }

  private String recordThing() {
    String id = "thing-" + UUID.randomUUID();
    mongo.getCollection("things").updateOne(new Document("_id", id),
        OutboxEvent.recordAll(List.of(OutboxEvent.of("thing.happened.v1", id, id, Map.of()))),
        new UpdateOptions().upsert(true));
    return id;
  }

  private void brokerConfirms(boolean ack) {
    doAnswer(invocation -> {
      invocation.getArgument(3, CorrelationData.class).getFuture()
          .complete(new CorrelationData.Confirm(ack, ack ? null : "refused"));
      return null;
    }).when(rabbit).send(anyString(), anyString(), any(Message.class), any(CorrelationData.class));
  }

  @Test
  void aDocumentAWriterNamesIsPublishedByIdWithoutReadingTheCollection() {
    recordThing();
    String named = recordThing();
    recordThing();
    brokerConfirms(true);
    TestMongo.fullScans().clear();

    relay.wake("things", named);

    assertThat(relay.publishNamed()).isEqualTo(1);
    assertThat(TestMongo.fullScans().of(mongo.getDb().getName(), List.of("things"))).isEmpty();
    assertThat(pending()).as("the others wait for the sweep").isEqualTo(2);
    assertThat(relay.publishPending()).as("the sweep finds what nobody named").isEqualTo(2);
  }

  @Test
  void aNamedEventTheBrokerRefusedIsTriedAgainAfterItsBackoffWithoutASweep() {
    String named = recordThing();
    brokerConfirms(false);
    relay.wake("things", named);
    assertThat(relay.publishNamed()).isZero();

    brokerConfirms(true);
    assertThat(relay.publishNamed()).as("still backing off").isZero();
    clock.advance(Duration.ofSeconds(1));

    assertThat(relay.publishNamed()).isEqualTo(1);
    assertThat(pending()).isZero();
    assertThat(relay.publishNamed()).as("nothing left to retry").isZero();
  }

  private long pending() {
    return mongo.getCollection("things").countDocuments(new Document("pendingEvents.0", new Document("$exists", true)));
  }

  @Test
  void anUnreachableBrokerMakesTheRelayWaitAsAWholeUntilAConnectionOpens() {
    recordThing();
    recordThing();
    recordThing();
    doThrow(new AmqpConnectException(new java.net.ConnectException("refused")))
        .when(rabbit).send(anyString(), anyString(), any(Message.class), any(CorrelationData.class));

    assertThat(relay.publishPending()).isZero();
    clock.advance(Duration.ofMillis(100));
    assertThat(relay.publishPending()).isZero();

    // One attempt for all three events, not one each, and none again before the backoff ends.
    verify(rabbit, times(1)).send(anyString(), anyString(), any(Message.class), any(CorrelationData.class));
    assertThat(pending()).isEqualTo(3);
    OutboxBacklog backlog = relay.backlog();
    assertThat(backlog.waitingForBroker()).isTrue();
    assertThat(backlog.pending()).isEqualTo(3);
    assertThat(backlog.retrying()).as("no event is blamed for the broker").isZero();

    doAnswer(invocation -> {
      invocation.getArgument(3, CorrelationData.class).getFuture().complete(new CorrelationData.Confirm(true, null));
      return null;
    }).when(rabbit).send(anyString(), anyString(), any(Message.class), any(CorrelationData.class));
    relay.brokerAvailable();

    assertThat(relay.publishPending()).isEqualTo(3);
    assertThat(pending()).isZero();
    assertThat(relay.backlog().waitingForBroker()).isFalse();
  }

  @Test
  void theBrokersBackoffGrowsWhileItStaysAwayAndIsCapped() {
    recordThing();
    doThrow(new AmqpConnectException(new java.net.ConnectException("refused")))
        .when(rabbit).send(anyString(), anyString(), any(Message.class), any(CorrelationData.class));

    int attempts = 0;
    for (int second = 0; second < 120; second++) {
      relay.publishPending();
      clock.advance(Duration.ofSeconds(1));
    }
    attempts = org.mockito.Mockito.mockingDetails(rabbit).getInvocations().size();

    // 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6 s, then every 30 s: about a dozen tries in two minutes.
    assertThat(attempts).isBetween(8, 14);
    assertThat(pending()).isEqualTo(1);
  }
}
