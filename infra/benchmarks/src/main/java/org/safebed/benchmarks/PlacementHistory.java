package org.safebed.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Closed placements as history: copies of placements that were made and closed through the API,
 * written straight into shelter occupancy's collection (a million requests through the API would
 * take hours). A copy is its original with a new {@code _id} and, for every other unique index, a
 * new value in its last text field (the idempotency key), so the store holds as many distinct closed placements,
 * shaped exactly as the service writes them, without knowing their fields. Only documents with no
 * event left to publish are copied: history is not a million events to send again.
 */
final class PlacementHistory {

  static final String PENDING_EVENTS = "pendingEvents";
  private static final int BATCH = 2_000;

  private final MongoCollection<Document> placements;

  PlacementHistory(MongoCollection<Document> placements) {
    this.placements = placements;
  }

  /** The originals, once every one is stored with no event left to publish; fails after the wait. */
  List<Document> originals(List<String> ids, long waitMillis) throws InterruptedException {
    long deadline = System.nanoTime() + waitMillis * 1_000_000;
    while (true) {
      List<Document> found = new ArrayList<>();
      placements.find(new Document("_id", new Document("$in", ids))).into(found);
      boolean settled = found.size() == ids.size()
          && found.stream().allMatch(document -> document.getList(PENDING_EVENTS, Object.class, List.of()).isEmpty());
      if (settled) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("closed placements to copy: " + found.size() + " of " + ids.size()
            + " found, or events still waiting to be published");
      }
      Thread.sleep(100);
    }
  }

  /** Placements stored, closed or not. */
  long stored() {
    return placements.countDocuments();
  }

  /** Adds copies of the originals, taken in turn, until the collection holds {@code total} documents. */
  long growTo(long total, List<Document> originals) {
    List<List<String>> uniqueKeys = uniqueKeysWithoutId();
    long missing = total - placements.countDocuments();
    long copy = 0;
    List<Document> batch = new ArrayList<>(BATCH);
    while (copy < missing) {
      Document original = originals.get((int) (copy % originals.size()));
      batch.add(copyOf(original, uniqueKeys, copy));
      copy++;
      if (batch.size() == BATCH || copy == missing) {
        placements.insertMany(batch, new InsertManyOptions().ordered(false));
        batch.clear();
      }
    }
    return Math.max(0, missing);
  }

  private static Document copyOf(Document original, List<List<String>> uniqueKeys, long n) {
    Document copy = new Document(original);
    Object id = original.get("_id");
    copy.put("_id", id instanceof ObjectId ? new ObjectId() : "history-" + n + "-" + id);
    for (List<String> key : uniqueKeys) {
      if (key.stream().allMatch(field -> original.get(field) == null)) {
        continue; // a sparse index does not hold it
      }
      String varied = key.reversed().stream().filter(field -> original.get(field) instanceof String).findFirst()
          .orElseThrow(() -> new IllegalStateException("unique index " + key + " has no text field to vary"));
      copy.put(varied, "history-" + n + "-" + original.getString(varied));
    }
    copy.remove(PENDING_EVENTS);
    return copy;
  }

  /** The fields of each unique index that does not include {@code _id} (those are distinct anyway). */
  private List<List<String>> uniqueKeysWithoutId() {
    List<List<String>> keys = new ArrayList<>();
    for (Document index : placements.listIndexes()) {
      List<String> fields = List.copyOf(index.get("key", Document.class).keySet());
      if (Boolean.TRUE.equals(index.getBoolean("unique")) && !fields.contains("_id")) {
        keys.add(fields);
      }
    }
    return keys;
  }
}
