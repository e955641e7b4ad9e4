package org.safebed.occupancy.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.safebed.occupancy.domain.RequestChurn;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * One document per account and window, {@code {_id: "<requester>|<window start>", count, windowStart}},
 * counted by one upserting {@code $inc} (addressed by {@code _id}: no race between two counts).
 */
@Repository
public class MongoRequestChurn implements RequestChurn {

  static final String COLLECTION = "request_churn";

  private final MongoTemplate mongo;

  public MongoRequestChurn(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public int recordCancellation(String requester, Instant windowStart) {
    Document counted = collection().findOneAndUpdate(
        new Document("_id", id(requester, windowStart)),
        Updates.combine(Updates.inc("count", 1), Updates.setOnInsert("windowStart", Date.from(windowStart))),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return counted == null ? 1 : counted.getInteger("count", 1);
  }

  @Override
  public int cancellationsIn(String requester, Instant windowStart) {
    Document window = collection().find(new Document("_id", id(requester, windowStart))).first();
    return window == null ? 0 : window.getInteger("count", 0);
  }

  private static String id(String requester, Instant windowStart) {
    return requester + "|" + windowStart.getEpochSecond();
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }
}
