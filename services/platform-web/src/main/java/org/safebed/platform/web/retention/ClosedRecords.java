package org.safebed.platform.web.retention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Anonymises the records of one collection once their case is closed long enough: the fields that
 * identify a person (sealed or not) are removed, the facts statistics count (status, times,
 * regions) stay, and {@code anonymisedAt} marks the record. A record whose outbox still holds
 * unpublished events waits until they are published (nothing is lost, and events carry no personal
 * data anyway); {@code version} is incremented so a writer that read the record before cannot
 * write its old state back.
 *
 * <p>Each record is changed by one update conditional on the same filter, so instances sweeping
 * at once anonymise (and audit) each record once.
 */
public final class ClosedRecords implements RetentionTask {

  public static final String ANONYMISED_AT = "anonymisedAt";
  public static final String ACTION = "PERSONAL_DATA_ANONYMISED";
  private static final String PENDING_EVENTS = "pendingEvents";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final String recordType;
  private final String collection;
  private final Function<Instant, Bson> closedBefore;
  private final List<String> personalFields;
  private final List<String> uniqueKeyFields;

  /**
   * @param closedBefore the filter of records closed before a cutoff (final status, last change
   *     before it)
   * @param personalFields the paths removed, e.g. {@code request.sealedLocation}
   * @param uniqueKeyFields personal fields in a unique index: set to the record's own id instead of
   *     removed, so that anonymised records never collide on a missing value
   */
  public ClosedRecords(MongoTemplate mongo, Clock clock, String recordType, String collection,
      Function<Instant, Bson> closedBefore, List<String> personalFields, List<String> uniqueKeyFields) {
    this.mongo = mongo;
    this.clock = clock;
    this.recordType = Objects.requireNonNull(recordType, "recordType");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.closedBefore = Objects.requireNonNull(closedBefore, "closedBefore");
    this.personalFields = List.copyOf(personalFields);
    this.uniqueKeyFields = List.copyOf(uniqueKeyFields);
    if (this.personalFields.isEmpty() && this.uniqueKeyFields.isEmpty()) {
      throw new IllegalArgumentException("a retention rule removes at least one field");
    }
  }

  @Override
  public String recordType() {
    return recordType;
  }

  @Override
  public String action() {
    return ACTION;
  }

  @Override
  public List<String> removeClosedBefore(Instant cutoff, int limit) {
    MongoCollection<Document> records = mongo.getCollection(collection);
    Bson due = and(closedBefore.apply(cutoff), exists(ANONYMISED_AT, false), exists(PENDING_EVENTS + ".0", false));
    Date now = Date.from(clock.instant());
    List<String> anonymised = new ArrayList<>();
    for (Document found : records.find(due).projection(Projections.include("_id")).limit(limit)) {
      Object id = found.get("_id");
      if (records.updateOne(and(eq("_id", id), due), anonymisation(id, now)).getModifiedCount() == 1) {
        anonymised.add(String.valueOf(id));
      }
    }
    return anonymised;
  }

  private Bson anonymisation(Object id, Date now) {
    List<Bson> changes = new ArrayList<>();
    personalFields.forEach(field -> changes.add(Updates.unset(field)));
    uniqueKeyFields.forEach(field -> changes.add(Updates.set(field, "anonymised:" + id)));
    changes.add(Updates.set(ANONYMISED_AT, now));
    changes.add(Updates.inc("version", 1));
    return Updates.combine(changes);
  }

  /** The filter that skips records anonymised by a sweep (for reads that need their personal data). */
  public static Bson notAnonymised() {
    return exists(ANONYMISED_AT, false);
  }
}
