package org.safebed.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.safebed.platform.messaging.deadletter.DeadLetter;
import org.safebed.platform.messaging.deadletter.DeadLetters;
import org.safebed.platform.messaging.operations.DeadLettersEndpoint;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.safebed.platform.messaging.retention.DeadLetterRetention;
import org.safebed.platform.testing.RequiresRabbitMq;
import org.safebed.platform.testing.SafeBedTestInfrastructure;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

/** Poison messages and dead letters on the real broker: limits, the operator's view and replay. */
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
class DeadLetterReplayOnRabbitMqIT {

  private static final String CANARY = "CANARY-BODY-" + UUID.randomUUID();

  @Autowired MongoTemplate mongo;
  @Autowired OutboxRelay relay;
  @Autowired RabbitTemplate rabbit;
  @Autowired RabbitAdmin admin;
  @Autowired MessagingProperties properties;
  @Autowired DeadLetters deadLetters;
  @Autowired DeadLettersEndpoint endpoint;
  @Autowired DeadLetterRetention retention;

  @BeforeEach
  void emptyDeadLetterQueue() {
    admin.purgeQueue(properties.deadLetterQueue(), false);
    MessagingTestApplication.handled.clear();
    MessagingTestApplication.fragileHandled.clear();
    MessagingTestApplication.fragileBroken.set(false);
  }

  @AfterEach
  void fixTheHandler() {
    MessagingTestApplication.fragileBroken.set(false);
  }

  private String recordThing(String type) {
    String thingId = "thing-" + UUID.randomUUID();
    OutboxEvent event = OutboxEvent.of(type, thingId, thingId, Map.of("thingId", thingId, "size", 3));
    Things.record(mongo, event);
    relay.wake();
    return event.eventId();
  }

  private String publishRaw(String routingKey, String type, String body) {
    MessageProperties props = new MessageProperties();
    props.setType(type);
    props.setMessageId("raw-" + UUID.randomUUID());
    props.setContentType(MessageProperties.CONTENT_TYPE_JSON);
    rabbit.send(properties.exchange(), routingKey, new Message(body.getBytes(StandardCharsets.UTF_8), props));
    return props.getMessageId();
  }

  private static String envelope(String eventId, String type, String thingId) {
    return """
        {"eventId": "%s", "type": "%s", "occurredAt": "%s", "aggregateId": "%s", "correlationId": "%s",
         "data": {"thingId": "%s", "size": 1, "note": "%s"}}"""
        .formatted(eventId, type, Instant.now(), thingId, thingId, thingId, CANARY);
  }

  private DeadLetter awaitDeadLetter(String eventId) {
    return await().atMost(Duration.ofSeconds(20)).until(
        () -> deadLetters.list(100).deadLetters().stream().filter(d -> eventId.equals(d.eventId())).findFirst(),
        java.util.Optional::isPresent).orElseThrow();
  }

  @Test
  void malformedAndUnknownVersionAreDeadLetteredAfterTheDeliveryLimitWithoutHoldingUpTheRest() {
    String malformed = publishRaw("thing.happened.v1", "thing.happened.v1", "{not json " + CANARY);
    String unknownVersion = publishRaw("thing.happened.v1", "thing.happened.v2",
        envelope("e-" + UUID.randomUUID(), "thing.happened.v2", "t-v2"));
    String bodyOfAnotherVersion = publishRaw("thing.happened.v1", "thing.happened.v1",
        envelope("e-" + UUID.randomUUID(), "thing.happened.v2", "t-mixed"));
    List<String> good = java.util.stream.IntStream.range(0, 20).mapToObj(i -> recordThing("thing.happened.v1")).toList();

    await().atMost(Duration.ofSeconds(20)).until(() -> MessagingTestApplication.handled.stream()
        .map(IncomingEvent::eventId).toList().containsAll(good));
    for (String poison : List.of(malformed, unknownVersion, bodyOfAnotherVersion)) {
      DeadLetter letter = awaitDeadLetter(poison);
      assertThat(letter.reason()).isEqualTo("delivery_limit");
      assertThat(letter.deliveries()).isEqualTo(properties.deliveryLimit() + 1);
      assertThat(letter.deadLetterings()).isEqualTo(1);
      assertThat(letter.deadLetteredAt()).isBefore(Instant.now().plusSeconds(1));
    }
    assertThat(MessagingTestApplication.handled).noneMatch(e -> e.aggregateId().startsWith("t-"));
    DeadLetters.Listing listing = endpoint.deadLetters();
    assertThat(listing.total()).isEqualTo(3);
    assertThat(JsonMapper.builder().build().writeValueAsString(listing))
        .contains(malformed, "thing.happened.v2")
        .doesNotContain(CANARY)
        .doesNotContain("t-mixed");
  }

  @Test
  void theRetentionSweepPurgesOnlyDeadLettersOlderThanTheCutoff() {
    String poison = publishRaw("thing.happened.v1", "thing.happened.v1", "{not json " + CANARY);
    Instant deadLetteredAt = awaitDeadLetter(poison).deadLetteredAt();

    assertThat(retention.removeClosedBefore(deadLetteredAt.minusSeconds(60), 100)).isEmpty();
    assertThat(deadLetters.list(100).total()).isEqualTo(1);

    assertThat(retention.removeClosedBefore(deadLetteredAt.plusSeconds(1), 100)).containsExactly(poison);
    assertThat(deadLetters.list(100).total()).isZero();
  }

  @Test
  void aDeadLetterOfABrokenHandlerIsReplayedIntoThisInboxOnceFixed() {
    MessagingTestApplication.fragileBroken.set(true);
    String eventId = recordThing("thing.fragile.v1");

    DeadLetter letter = awaitDeadLetter(eventId);
    assertThat(letter.type()).isEqualTo("thing.fragile.v1");
    assertThat(letter.deliveries()).isEqualTo(properties.deliveryLimit() + 1);
    assertThat(MessagingTestApplication.fragileHandled).isEmpty();

    MessagingTestApplication.fragileBroken.set(false);
    WebEndpointResponse<DeadLetters.Replay> replay = endpoint.replay(eventId);

    assertThat(replay.getStatus()).isEqualTo(200);
    assertThat(replay.getBody().replayed()).containsExactly(eventId);
    await().atMost(Duration.ofSeconds(10)).until(() -> MessagingTestApplication.fragileHandled.stream()
        .anyMatch(e -> e.eventId().equals(eventId)));
    assertThat(deadLetters.list(100).total()).isZero();
    assertThat(MessagingTestApplication.fragileHandled).hasSize(1);
  }

  @Test
  void aReplayThatFailsAgainComesBackCountedTwiceAndReplayAllEmptiesTheQueue() {
    MessagingTestApplication.fragileBroken.set(true);
    String first = recordThing("thing.fragile.v1");
    String second = recordThing("thing.fragile.v1");
    awaitDeadLetter(first);
    awaitDeadLetter(second);

    assertThat(deadLetters.replay(first).replayed()).containsExactly(first);
    await().atMost(Duration.ofSeconds(20)).until(() -> awaitDeadLetter(first).deadLetterings() == 2);

    MessagingTestApplication.fragileBroken.set(false);
    WebEndpointResponse<DeadLetters.Replay> all = endpoint.replayAll();
    assertThat(all.getBody().replayed()).containsExactlyInAnyOrder(first, second);
    await().atMost(Duration.ofSeconds(10)).until(() -> MessagingTestApplication.fragileHandled.size() == 2);
    assertThat(deadLetters.list(100).total()).isZero();
  }

  @Test
  void aDeadLetterThatCanNeverSucceedIsDiscarded() {
    String malformed = publishRaw("thing.happened.v1", "thing.happened.v1", "{not json");
    awaitDeadLetter(malformed);

    assertThat(endpoint.discard("no-such-event").getStatus()).isEqualTo(404);
    assertThat(endpoint.discard(malformed).getStatus()).isEqualTo(204);
    assertThat(deadLetters.list(100).total()).isZero();
    assertThat(endpoint.replay(malformed).getStatus()).isEqualTo(404);
    assertThat(endpoint.replayAll().getBody().replayed()).isEmpty();
  }
}
