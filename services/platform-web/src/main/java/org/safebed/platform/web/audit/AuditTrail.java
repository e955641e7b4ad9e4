package org.safebed.platform.web.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service's append-only audit log, hash-chained: entry {@code n} stores the hash of entry
 * {@code n-1} and its own hash over both, so editing or deleting any entry breaks every later hash
 * and {@link #verify()} finds it. Sequence numbers are the document ids; two instances appending at
 * once collide on the id and the loser re-reads the head and tries again.
 */
public final class AuditTrail {

  public static final String COLLECTION = "audit_log";
  private static final String GENESIS = "0".repeat(64);

  private final MongoTemplate mongo;
  private final Clock clock;

  public AuditTrail(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  public synchronized void record(AuditEntry entry) {
    MongoCollection<Document> log = mongo.getCollection(COLLECTION);
    while (true) {
      Document head = log.find().sort(Sorts.descending("_id")).limit(1).first();
      long seq = head == null ? 1 : head.getLong("_id") + 1;
      String previousHash = head == null ? GENESIS : head.getString("hash");
      Instant at = clock.instant();
      Document document =
          new Document("_id", seq)
              .append("at", Date.from(at))
              .append("actor", entry.actor())
              .append("actorRole", entry.actorRole())
              .append("onBehalfOf", entry.onBehalfOf())
              .append("action", entry.action())
              .append("recordType", entry.recordType())
              .append("recordId", entry.recordId())
              .append("purpose", entry.purpose())
              .append("outcome", entry.outcome())
              .append("previousHash", previousHash);
      document.append("hash", hash(document));
      try {
        log.insertOne(document);
        return;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        // another instance appended seq first: chain onto its entry
      }
    }
  }

  /** Walks the whole chain and reports the first entry whose hash or link does not hold. */
  public AuditVerification verify() {
    String expectedPrevious = GENESIS;
    long expectedSeq = 1;
    long checked = 0;
    for (Document document : mongo.getCollection(COLLECTION).find().sort(Sorts.ascending("_id"))) {
      long seq = document.getLong("_id");
      if (seq != expectedSeq
          || !expectedPrevious.equals(document.getString("previousHash"))
          || !hash(document).equals(document.getString("hash"))) {
        return new AuditVerification(false, checked, seq);
      }
      expectedPrevious = document.getString("hash");
      expectedSeq++;
      checked++;
    }
    return new AuditVerification(true, checked, null);
  }

  private static String hash(Document document) {
    StringBuilder canonical = new StringBuilder();
    for (String field :
        new String[] {"_id", "at", "actor", "actorRole", "onBehalfOf", "action", "recordType",
            "recordId", "purpose", "outcome", "previousHash"}) {
      Object value = document.get(field);
      if (value instanceof Date date) {
        value = date.toInstant().toEpochMilli();
      }
      canonical.append(field).append('=').append(value).append('\n');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param intact whether every entry's hash and link hold
   * @param entriesChecked entries verified before the first broken one
   * @param firstBrokenSeq sequence number of the first broken entry, null when intact
   */
  public record AuditVerification(boolean intact, long entriesChecked, Long firstBrokenSeq) {}
}
