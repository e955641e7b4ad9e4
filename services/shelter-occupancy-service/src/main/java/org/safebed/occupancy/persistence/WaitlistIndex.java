package org.safebed.occupancy.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.safebed.occupancy.domain.Placement;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The waitlisted placements' ids, in their own small collection: one entry per placement while it
 * waits, with what orders the line (urgency, then age). Reading the line then reads as many
 * entries as there are people waiting, not every placement ever made (the wire-protocol server
 * reads every document for a query by status, and a real MongoDB's status index grows with closed
 * placements too).
 *
 * <p>It is an index, not the truth: the caller reads the placements it names and keeps those still
 * waitlisted. An entry may outlive the wait, never be missing during it: it is written before the
 * placement is stored as waitlisted, and removed after it is stored as anything else. Each entry
 * carries the version the placement got when it became waitlisted ({@code stamp}); a removal takes
 * only entries older than the version it stored, so it never removes the entry of a placement
 * that went back on the waitlist meanwhile.
 */
final class WaitlistIndex {

  static final String COLLECTION = "waitlist";

  /** One place in the line. */
  record Entry(String placementId, int urgencyRank, Date createdAt) {}

  private static final Comparator<Entry> LINE = Comparator.comparingInt(Entry::urgencyRank).reversed()
      .thenComparing(Entry::createdAt)
      .thenComparing(Entry::placementId);

  private final MongoTemplate mongo;

  WaitlistIndex(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Before the placement is stored as waitlisted at {@code version}. */
  void enter(Placement placement, long version) {
    collection().replaceOne(new Document("_id", placement.id()),
        new Document("_id", placement.id())
            .append("urgencyRank", placement.urgency().rank())
            .append("createdAt", Date.from(placement.createdAt()))
            .append("stamp", version),
        new ReplaceOptions().upsert(true));
  }

  /** After the placement was stored at {@code version} as something other than waitlisted. */
  void left(String placementId, long version) {
    // Two keys with an operator: the server reads this collection whole, which is the line only.
    collection().deleteOne(new Document("_id", placementId).append("stamp", new Document("$lt", version)));
  }

  /** Everyone in the line, first first (entries that outlived their wait included). */
  List<Entry> line() {
    List<Entry> line = new ArrayList<>();
    for (Document entry : collection().find()) {
      line.add(new Entry(entry.getString("_id"), entry.getInteger("urgencyRank", 0), entry.getDate("createdAt")));
    }
    line.sort(LINE);
    return line;
  }

  boolean isEmpty() {
    return collection().estimatedDocumentCount() == 0;
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }
}
