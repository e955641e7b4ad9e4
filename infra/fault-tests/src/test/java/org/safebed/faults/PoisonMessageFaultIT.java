package org.safebed.faults;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.faults.support.FaultSuite;
import org.safebed.faults.support.Http;
import org.safebed.faults.support.Inboxes;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;
import org.safebed.platform.testing.SyntheticEvents;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.databind.JsonNode;

/**
 * Poison: a malformed event and an event of a version the consumer does not know are tried up to
 * the inbox's delivery limit and then dead-lettered, without holding up the 100 good events behind
 * them. Coordinators see the dead letters (never their bodies) and, once a bug is fixed, replay
 * them into that service's inbox only.
 */
@FaultTest
class PoisonMessageFaultIT {

  private static final String CHECKED_IN = "placement.checked-in.v1";
  private static final int GOOD = 100;
  private static FaultSuite suite;

  @BeforeAll
  static void startSuite() {
    suite = FaultSuite.get();
  }

  @Test
  void poisonIsDeadLetteredAfterTheDeliveryLimitTheNextHundredAreProcessedAndDeadLettersAreReplayable() {
    suite.awaitQuiet(Duration.ofSeconds(60));
    int limit = suite.messaging(StackApps.RENTAL_REFERRAL).deliveryLimit();
    String canary = "CANARY-" + UUID.randomUUID();

    Message malformed = raw(CHECKED_IN, "{\"eventId\": \"" + canary + "\", \"data\": {");
    Message unknownVersion = SyntheticEvents.event("placement.checked-in.v2", "fault-v2-" + canary, "fault-v2-" + canary,
        Instant.now(), Map.of("placementId", "fault-v2-" + canary, "region", "central", "note", canary));
    String malformedId = malformed.getMessageProperties().getMessageId();
    String unknownVersionId = unknownVersion.getMessageProperties().getMessageId();
    // A producer ahead of its consumers still publishes under the key the consumer is bound to.
    suite.rabbit().send(suite.exchange(), CHECKED_IN, malformed);
    suite.rabbit().send(suite.exchange(), CHECKED_IN, unknownVersion);
    List<String> good = new ArrayList<>();
    for (int i = 0; i < GOOD; i++) {
      String placementId = "fault-good-" + UUID.randomUUID();
      good.add(placementId);
      SyntheticEvents.publish(suite.rabbit(), suite.exchange(), checkedIn(placementId));
    }

    await().atMost(Duration.ofSeconds(60)).until(() ->
        suite.db().referral().getCollection("residents").countDocuments(in("_id", good)) == GOOD);
    JsonNode listing = await().atMost(Duration.ofSeconds(30)).until(
        () -> deadLetters(StackApps.RENTAL_REFERRAL), l -> ids(l).containsAll(List.of(malformedId, unknownVersionId)));
    for (String poison : List.of(malformedId, unknownVersionId)) {
      JsonNode letter = entry(listing, poison);
      assertThat(letter.get("reason").asString()).isEqualTo("delivery_limit");
      assertThat(letter.get("deliveries").asInt()).isEqualTo(limit + 1);
      assertThat(suite.inboxes().deliveries(StackApps.RENTAL_REFERRAL, poison)).as("tried up to the limit").isEqualTo(limit + 1);
    }
    assertThat(entry(listing, unknownVersionId).get("type").asString()).isEqualTo("placement.checked-in.v2");
    assertThat(listing.toString()).doesNotContain(canary).doesNotContain("\"data\"").doesNotContain("central");
    assertThat(suite.db().referral().getCollection("residents").countDocuments(eq("_id", "fault-v2-" + canary))).isZero();
    String url = suite.stack().serviceUrl(StackApps.RENTAL_REFERRAL) + "/actuator/deadletters";
    assertThat(suite.http().call(url, FaultSuite.POLICE, "GET", null, Map.of()).status()).isEqualTo(403);
    assertThat(suite.http().call(url, null, "GET", null, Map.of()).status()).isEqualTo(401);

    // A bug in the handler dead-letters a good event; once fixed, a coordinator replays it.
    String victim = "fault-victim-" + UUID.randomUUID();
    Message victimEvent = checkedIn(victim);
    String victimId = victimEvent.getMessageProperties().getMessageId();
    suite.inboxes().plan((service, message) -> service == StackApps.RENTAL_REFERRAL
        && victimId.equals(message.getMessageProperties().getMessageId()) ? Inboxes.Action.FAIL : Inboxes.Action.PROCESS);
    try {
      SyntheticEvents.publish(suite.rabbit(), suite.exchange(), victimEvent);
      await().atMost(Duration.ofSeconds(30)).until(() -> ids(deadLetters(StackApps.RENTAL_REFERRAL)).contains(victimId));
    } finally {
      suite.inboxes().normal();
    }
    assertThat(suite.db().referral().getCollection("residents").countDocuments(eq("_id", victim))).isZero();
    int transportSawVictim = suite.inboxes().deliveries(StackApps.TRANSPORT, victimId);

    Http.Reply replay = operator(StackApps.RENTAL_REFERRAL, "POST", "/" + victimId, null);
    assertThat(replay.status()).as(replay.body()).isEqualTo(200);
    assertThat(replay.json().get("replayed").toString()).contains(victimId);
    await().atMost(Duration.ofSeconds(20)).until(() ->
        suite.db().referral().getCollection("residents").countDocuments(eq("_id", victim)) == 1);
    assertThat(ids(deadLetters(StackApps.RENTAL_REFERRAL))).doesNotContain(victimId);
    assertThat(suite.inboxes().deliveries(StackApps.TRANSPORT, victimId)).as("replayed to this inbox only")
        .isEqualTo(transportSawVictim);

    // Poison stays poison: replayed with the rest it comes back, counted twice; then discarded.
    Http.Reply all = operator(StackApps.RENTAL_REFERRAL, "POST", "", null);
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      JsonNode again = deadLetters(StackApps.RENTAL_REFERRAL);
      return ids(again).containsAll(List.of(malformedId, unknownVersionId))
          && entry(again, malformedId).get("deadLetterings").asInt() == 2;
    });
    for (StackApp service : List.of(StackApps.RENTAL_REFERRAL, StackApps.TRANSPORT)) {
      for (String poison : List.of(malformedId, unknownVersionId)) {
        assertThat(operator(service, "DELETE", "/" + poison, null).status()).as(service.name() + " " + poison).isEqualTo(204);
      }
    }
    assertThat(deadLetters(StackApps.RENTAL_REFERRAL).get("total").asLong()).isZero();
    assertThat(deadLetters(StackApps.TRANSPORT).get("total").asLong()).isZero();
  }

  private static Message raw(String type, String body) {
    MessageProperties properties = new MessageProperties();
    properties.setMessageId(UUID.randomUUID().toString());
    properties.setType(type);
    properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
    return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
  }

  private static Message checkedIn(String placementId) {
    return SyntheticEvents.event(CHECKED_IN, placementId, placementId, Instant.now(),
        Map.of("placementId", placementId, "shelterId", "shelter-central-1", "region", "central"));
  }

  private static JsonNode deadLetters(StackApp service) {
    Http.Reply reply = operator(service, "GET", "", null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static Http.Reply operator(StackApp service, String method, String path, String body) {
    return suite.http().call(suite.stack().serviceUrl(service) + "/actuator/deadletters" + path,
        FaultSuite.COORDINATOR, method, body, Map.of());
  }

  private static List<String> ids(JsonNode listing) {
    List<String> ids = new ArrayList<>();
    listing.get("deadLetters").forEach(letter -> ids.add(letter.get("eventId").asString()));
    return ids;
  }

  private static JsonNode entry(JsonNode listing, String eventId) {
    for (JsonNode letter : listing.get("deadLetters")) {
      if (eventId.equals(letter.get("eventId").asString())) {
        return letter;
      }
    }
    throw new AssertionError("no dead letter " + eventId);
  }
}
