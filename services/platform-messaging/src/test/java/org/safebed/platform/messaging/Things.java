package org.safebed.platform.messaging;

import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The test application's aggregate: a "thing" document recording one event in its outbox. */
final class Things {

  private Things() {}

  static String record(MongoTemplate mongo, String type) {
    String thingId = "thing-" + UUID.randomUUID();
    OutboxEvent event = OutboxEvent.of(type, thingId, thingId, Map.of("thingId", thingId, "size", 3));
    mongo.upsert(Query.query(Criteria.where("_id").is(thingId)),
        new Update().set("state", "NEW").push(OutboxEvent.PENDING_EVENTS_FIELD, event), "things");
    return thingId;
  }
}
