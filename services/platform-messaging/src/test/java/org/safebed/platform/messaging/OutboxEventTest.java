package org.safebed.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The stored shape every service's outbox shares: the relay publishes from these fields and its
 * sweep index reads {@code pendingEvents.eventId}, so the layout is pinned here.
 */
class OutboxEventTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  @Test
  void anEventIsStoredAsTheSubDocumentTheRelayPublishesFrom() {
    OutboxEvent event = new OutboxEvent("evt-1", "thing.happened.v1", AT, "thing-1", "case-1",
        Map.of("thingId", "thing-1", "size", 3), null);

    Document stored = event.toDocument();

    assertThat(stored.keySet())
        .containsExactly("eventId", "type", "occurredAt", "aggregateId", "correlationId", "data");
    assertThat(stored.getString("eventId")).isEqualTo("evt-1");
    assertThat(stored.getString("type")).isEqualTo("thing.happened.v1");
    assertThat(stored.get("occurredAt")).isEqualTo(Date.from(AT));
    assertThat(stored.getString("aggregateId")).isEqualTo("thing-1");
    assertThat(stored.getString("correlationId")).isEqualTo("case-1");
    assertThat(stored.get("data", Document.class)).containsExactlyInAnyOrderEntriesOf(Map.of("thingId", "thing-1", "size", 3));
  }

  @Test
  void recordingAppendsEveryEventInOrderToThePendingEvents() {
    OutboxEvent first = new OutboxEvent("evt-1", "thing.happened.v1", AT, "thing-1", "thing-1", Map.of(), null);
    OutboxEvent second = new OutboxEvent("evt-2", "thing.ended.v1", AT, "thing-1", "thing-1", Map.of(), null);

    BsonDocument update = OutboxEvent.recordAll(List.of(first, second))
        .toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());

    assertThat(update.keySet()).containsExactly("$push");
    BsonDocument push = update.getDocument("$push");
    assertThat(push.keySet()).containsExactly(OutboxEvent.PENDING_EVENTS_FIELD);
    BsonArray each = push.getDocument(OutboxEvent.PENDING_EVENTS_FIELD).getArray("$each");
    assertThat(each.stream().map(BsonValue::asDocument).map(stored -> stored.get("eventId")))
        .containsExactly(new BsonString("evt-1"), new BsonString("evt-2"));
    assertThat(each.getFirst().asDocument())
        .isEqualTo(first.toDocument().toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry()));
  }

  @Test
  void nothingToRecordIsAMistake() {
    assertThatThrownBy(() -> OutboxEvent.recordAll(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
