package org.safebed.platform.web.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service's append-only audit log, hash-chained: entry {@code n} stores the hash of entry
 * {@code n-1} and its own hash over both, so editing or deleting any entry breaks every later hash
 * and {@link #verify()} finds it. Sequence numbers are the document ids; two instances appending at
 * once collide on the id and the loser re-reads the head and tries again.
 *
 * <p>Appends are group-committed: the chain makes them one at a time, so callers that arrive while
 * an append is in progress queue their entries, and the next of them to get the lock writes all
 * queued entries with one ordered insert. {@link #record} still returns only once its own entry is
 * stored (or throws). The head this instance wrote last is kept in memory, so an append needs no
 * sorted read of the log; a stale head (another instance appended) collides on the id and is read
 * again, and so is the head after any other failure, whose outcome is unknown. (Measured with
 * infra/benchmarks: one synchronized find-then-insert per entry, one entry per shelter location
 * opened while matching, made the lock the busiest spot of shelter occupancy under load, with its
 * waiters spinning.)
 */
public final class AuditTrail {

  public static final String COLLECTION = "audit_log";
  private static final String GENESIS = "0".repeat(64);

  private final MongoTemplate mongo;
  private final Clock clock;
  private final ReentrantLock appending = new ReentrantLock();
  private final ConcurrentLinkedQueue<Pending> queued = new ConcurrentLinkedQueue<>();
  /** The last entry as this instance knows it; null: read it from the log. Guarded by {@link #appending}. */
  private Head head;
  private final DisclosureCounts disclosures;

  public AuditTrail(MongoTemplate mongo, Clock clock) {
    this(mongo, clock, null);
  }

  /** @param disclosures counts the disclosures among the stored entries; null: none counted */
  public AuditTrail(MongoTemplate mongo, Clock clock, DisclosureCounts disclosures) {
    this.mongo = mongo;
    this.clock = clock;
    this.disclosures = disclosures;
  }

  private record Head(long seq, String hash) {}

  /** An entry waiting to be appended; its outcome is set under {@link #appending}. */
  private static final class Pending {
    final AuditEntry entry;
    boolean stored;
    RuntimeException failure;

    Pending(AuditEntry entry) {
      this.entry = entry;
    }
  }

  /** Appends the entry and returns once it is stored; throws when that is not certain. */
  public void record(AuditEntry entry) {
    recordAll(List.of(entry));
  }

  /**
   * Appends the entries, in this order, and returns once all are stored; throws when that is not
   * certain for any of them (those before it may be stored).
   */
  public void recordAll(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<Pending> mine = entries.stream().map(Pending::new).toList();
    queued.addAll(mine);
    appending.lock();
    try {
      // Whoever held the lock before may have written these entries with its own.
      Pending last = mine.getLast();
      if (!last.stored && last.failure == null) {
        List<Pending> batch = new ArrayList<>();
        for (Pending next = queued.poll(); next != null; next = queued.poll()) {
          batch.add(next);
        }
        append(batch);
      }
    } finally {
      appending.unlock();
    }
    for (Pending pending : mine) {
      if (pending.failure != null) {
        throw pending.failure;
      }
      if (disclosures != null) {
        disclosures.stored(pending.entry);
      }
    }
  }

  private void append(List<Pending> batch) {
    MongoCollection<Document> log = mongo.getCollection(COLLECTION);
    int next = 0;
    try {
      while (next < batch.size()) {
        if (head == null) {
          head = readHead(log);
        }
        List<Document> documents = chained(batch.subList(next, batch.size()));
        try {
          log.insertMany(documents);
          head = headOf(documents.getLast());
          stored(batch, next, batch.size());
          next = batch.size();
        } catch (MongoBulkWriteException e) {
          if (e.getWriteErrors().isEmpty()) {
            throw e; // e.g. a write concern error: what was stored is not known
          }
          // Ordered: everything before the first error is in the log, nothing after it.
          BulkWriteError first = e.getWriteErrors().getFirst();
          stored(batch, next, next + first.getIndex());
          next += first.getIndex();
          head = null;
          if (first.getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
          // another instance appended first: chain the rest onto its entries
        }
      }
    } catch (RuntimeException e) {
      head = null; // the insert may or may not have happened
      for (int i = next; i < batch.size(); i++) {
        batch.get(i).failure = e;
      }
    }
  }

  private static void stored(List<Pending> batch, int from, int to) {
    for (int i = from; i < to; i++) {
      batch.get(i).stored = true;
    }
  }

  /** The entries as documents, numbered and linked on from the current head. */
  private List<Document> chained(List<Pending> entries) {
    List<Document> documents = new ArrayList<>(entries.size());
    long seq = head.seq();
    String previousHash = head.hash();
    for (Pending pending : entries) {
      AuditEntry entry = pending.entry;
      Instant at = clock.instant();
      Document document =
          new Document("_id", ++seq)
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
      previousHash = hash(document);
      document.append("hash", previousHash);
      documents.add(document);
    }
    return documents;
  }

  private static Head headOf(Document document) {
    return new Head(document.getLong("_id"), document.getString("hash"));
  }

  private static Head readHead(MongoCollection<Document> log) {
    Document last = log.find().sort(Sorts.descending("_id")).limit(1).first();
    return last == null ? new Head(0, GENESIS) : headOf(last);
  }

  /** The newest entry's sequence number and hash (0 and the genesis value for an empty log). */
  public ChainHead head() {
    Head newest = readHead(mongo.getCollection(COLLECTION));
    return new ChainHead(newest.seq(), newest.hash());
  }

  /** The end of the chain, for an operator to record outside the database. */
  public record ChainHead(long seq, String hash) {}

  /** At most this many entries per read: the viewer pages on with {@code before}. */
  public static final int MOST_READ = 100;

  /**
   * What an operator looks for: every condition given must hold (null: any); {@code before} reads
   * on from the previous page's last sequence number.
   */
  public record EntryFilter(String recordType, String recordId, String actor, String action, String outcome, Long before) {}

  /** One stored entry as written, with its place in the chain; ids and codes only, like the entry itself. */
  public record StoredEntry(long seq, Instant at, String actor, String actorRole, String onBehalfOf, String action,
      String recordType, String recordId, String purpose, String outcome) {}

  /** The newest entries matching the filter, newest first, at most {@code limit} (capped at {@value #MOST_READ}). */
  public List<StoredEntry> entries(EntryFilter filter, int limit) {
    List<Bson> conditions = new ArrayList<>();
    equal(conditions, "recordType", filter.recordType());
    equal(conditions, "recordId", filter.recordId());
    equal(conditions, "actor", filter.actor());
    equal(conditions, "action", filter.action());
    equal(conditions, "outcome", filter.outcome());
    if (filter.before() != null) {
      conditions.add(Filters.lt("_id", filter.before()));
    }
    Bson query = conditions.isEmpty() ? new Document() : Filters.and(conditions);
    List<StoredEntry> found = new ArrayList<>();
    for (Document d : mongo.getCollection(COLLECTION).find(query).sort(Sorts.descending("_id"))
        .limit(Math.clamp(limit, 1, MOST_READ))) {
      Date at = d.getDate("at");
      found.add(new StoredEntry(d.getLong("_id"), at == null ? null : at.toInstant(), d.getString("actor"),
          d.getString("actorRole"), d.getString("onBehalfOf"), d.getString("action"), d.getString("recordType"),
          d.getString("recordId"), d.getString("purpose"), d.getString("outcome")));
    }
    return found;
  }

  private static void equal(List<Bson> conditions, String field, String value) {
    if (value != null && !value.isBlank()) {
      conditions.add(Filters.eq(field, value.strip()));
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
