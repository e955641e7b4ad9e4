package org.safebed.occupancy.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.safebed.occupancy.domain.RequestSlots;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * One document per requester, {@code {_id: requester, slots: [{placementId, at}]}}. A claim is one
 * conditional update: push a slot only where slot number {@code cap} does not exist yet, i.e. where
 * fewer than {@code cap} are taken (the array stays dense: slots are removed by {@code $pull}). A
 * requester's first claim creates the record; two first claims at once collide on its id and the
 * loser claims again through the conditional update.
 */
@Repository
public class MongoRequestSlots implements RequestSlots {

  static final String COLLECTION = "request_slots";
  private static final int ATTEMPTS = 5;

  private final MongoTemplate mongo;

  public MongoRequestSlots(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public boolean claim(String requester, String placementId, int cap, Instant now) {
    Document slot = new Document("placementId", placementId).append("at", Date.from(now));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Document claimed = collection().findOneAndUpdate(
          new Document("_id", requester)
              .append("slots." + (cap - 1), new Document("$exists", false))
              .append("slots.placementId", new Document("$ne", placementId)),
          Updates.push("slots", slot),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (claimed != null) {
        return true;
      }
      Document current = collection().find(new Document("_id", requester)).first();
      if (current != null) {
        // No match: this placement holds a slot already (a simultaneous retry of the same request
        // claimed it), or every slot is taken, or the record did not exist a moment ago (another
        // first request of this requester created it meanwhile) and there is room: claim again.
        List<Document> taken = current.getList("slots", Document.class, List.of());
        if (taken.stream().anyMatch(held -> placementId.equals(held.getString("placementId")))) {
          return true;
        }
        if (taken.size() >= cap) {
          return false;
        }
        continue;
      }
      try {
        collection().insertOne(new Document("_id", requester).append("slots", List.of(slot)));
        return true;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        // A first claim of the same requester created the record at the same moment: claim again.
      }
    }
    return false;
  }

  @Override
  public void release(String requester, String placementId) {
    collection().updateOne(new Document("_id", requester),
        Updates.pull("slots", new Document("placementId", placementId)));
  }

  @Override
  public List<Slot> claimedBefore(Instant before, int limit) {
    List<Slot> slots = new ArrayList<>();
    for (Document requester : collection().find()) {
      for (Document slot : requester.getList("slots", Document.class, List.of())) {
        Date at = slot.getDate("at");
        if (at != null && at.toInstant().isBefore(before) && slots.size() < limit) {
          slots.add(new Slot(requester.getString("_id"), slot.getString("placementId"), at.toInstant()));
        }
      }
    }
    return slots;
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }
}
