package org.safebed.platform.messaging;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The test application's aggregate: a "thing" document recording one event in its outbox. */
final class Things {

  private Things() {}

  static String record(MongoTemplate mongo, String type) {
    String thingId = "thing-" + UUID.randomUUID();
    record(mongo, OutboxEvent.of(type, thingId, thingId, Map.of("thingId", thingId, "size", 3)));
    return thingId;
  }

  /** Stores the event's thing with the event in its outbox, in one write, as the services record theirs. */
  static void record(MongoTemplate mongo, OutboxEvent event) {
    mongo.getCollection("things").updateOne(eq("_id", event.aggregateId()),
        Updates.combine(Updates.set("state", "NEW"), OutboxEvent.recordAll(List.of(event))),
        new UpdateOptions().upsert(true));
  }
}
