package org.safebed.occupancy.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementEvent;
import org.safebed.occupancy.domain.PlacementObserver;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.PlacementTimeline;
import org.safebed.occupancy.messaging.PublishedEvents;
import org.safebed.platform.web.retention.ClosedRecords;
import org.safebed.platform.messaging.OutboxEvent;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Placements as documents, each carrying its own outbox ({@code pendingEvents}): a state change and
 * the events it causes are one conditional single-document update, so neither exists without the
 * other, and the relay publishes them afterwards. Observers hear of every stored change.
 */
@Repository
public class MongoPlacements implements PlacementRepository {

  private static final Logger log = LoggerFactory.getLogger(MongoPlacements.class);
  public static final String COLLECTION = "placements";
  /** Waitlisted placements read by id at a time. */
  private static final int WAITLIST_READ = 100;
  private static final Document WAITLIST_ORDER = new Document("urgencyRank", -1).append("createdAt", 1);

  private final MongoTemplate mongo;
  private final OutboxRelay relay;
  private final ObjectProvider<PlacementObserver> observers;
  private final PlacementDocuments documents;
  private final WaitlistIndex waitlist;

  public MongoPlacements(MongoTemplate mongo, OutboxRelay relay, ObjectProvider<PlacementObserver> observers,
      PlacementDocuments documents) {
    this.mongo = mongo;
    this.documents = documents;
    this.waitlist = new WaitlistIndex(mongo);
    this.relay = relay;
    this.observers = observers;
  }

  @PostConstruct
  void createIndexes() {
    collection().createIndex(Indexes.ascending("requestedBy", "idempotencyKey"), new IndexOptions().unique(true));
    // Exactly the keys of the optimistic save's filter: an index read on the wire-protocol server too.
    collection().createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
    collection().createIndex(Indexes.ascending("status", "hold.expiresAt"));
    collection().createIndex(Indexes.ascending("status", "urgencyRank", "createdAt"));
    collection().createIndex(Indexes.ascending("status", "bedKeptUntil"));
    collection().createIndex(Indexes.ascending("hold.shelterId", "status"));
    collection().createIndex(Indexes.ascending("createdAt"));
    collection().createIndex(Indexes.ascending("requestedBy", "createdAt"));
    indexWaitlistedBefore();
  }

  /** Placements waitlisted by an earlier version, before the waitlist index existed: once, at start. */
  private void indexWaitlistedBefore() {
    if (!waitlist.isEmpty()) {
      return;
    }
    collection().find(eq("status", PlacementStatus.WAITLISTED.name()))
        .forEach(d -> waitlist.enter(documents.fromDocument(d), ((Number) d.get("version")).longValue()));
  }

  @Override
  public void insert(Placement placement) {
    if (placement.status() == PlacementStatus.WAITLISTED) {
      waitlist.enter(placement, placement.version());
    }
    try {
      collection().insertOne(documents.toDocument(placement).append(OutboxEvent.PENDING_EVENTS_FIELD, List.of()));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        throw new DuplicateRequestException();
      }
      throw e;
    }
    notifyObservers(placement, List.of());
  }

  @Override
  public Optional<Placement> findById(String id) {
    return findOne(new Document("_id", id));
  }

  @Override
  public Optional<Placement> findByIdempotencyKey(String requestedBy, String idempotencyKey) {
    return findOne(new Document("requestedBy", requestedBy).append("idempotencyKey", idempotencyKey));
  }

  /**
   * One placement by exactly the keys of a unique index (an index read on every MongoDB, the
   * wire-protocol server included, which scans the whole collection for a filter with one key
   * more). An anonymised placement has no request left to act on: to every caller it is gone.
   */
  private Optional<Placement> findOne(Document uniqueKey) {
    Document found = collection().find(uniqueKey).first();
    return found == null || found.containsKey(ClosedRecords.ANONYMISED_AT)
        ? Optional.empty()
        : Optional.of(documents.fromDocument(found));
  }

  @Override
  public Optional<Placement> save(Placement changed, List<PlacementEvent> events) {
    List<Bson> updates = new ArrayList<>();
    PlacementDocuments.mutableFields(changed).forEach((field, value) -> updates.add(Updates.set(field, value)));
    updates.add(Updates.set("version", changed.version() + 1));
    if (!events.isEmpty()) {
      updates.add(OutboxEvent.recordAll(events.stream().map(PublishedEvents::toOutbox).toList()));
    }
    long version = changed.version() + 1;
    boolean waitlisted = changed.status() == PlacementStatus.WAITLISTED;
    if (waitlisted) {
      waitlist.enter(changed, version);
    }
    Document saved = collection().findOneAndUpdate(
        new Document("_id", changed.id()).append("version", changed.version()),
        Updates.combine(updates),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (saved == null) {
      return Optional.empty();
    }
    if (!waitlisted) {
      waitlist.left(changed.id(), version);
    }
    if (!events.isEmpty()) {
      relay.wake(COLLECTION, changed.id());
    }
    Placement stored = documents.fromDocument(saved);
    notifyObservers(stored, events);
    return Optional.of(stored);
  }

  @Override
  public List<Placement> findHeldExpiredAt(Instant now, int limit) {
    return find(and(eq("status", PlacementStatus.HELD.name()), lte("hold.expiresAt", Date.from(now))), limit);
  }

  @Override
  public List<Placement> findLatest(String requestedBy, Collection<String> shelterIds, PlacementStatus status,
      int limit) {
    List<Bson> filters = new ArrayList<>(List.of(ClosedRecords.notAnonymised()));
    if (requestedBy != null) {
      filters.add(eq("requestedBy", requestedBy));
    }
    if (shelterIds != null) {
      filters.add(in("hold.shelterId", shelterIds));
    }
    if (status != null) {
      filters.add(eq("status", status.name()));
    }
    return find(and(filters), new Document("createdAt", -1), limit);
  }

  /** The line from the waitlist index, each placement read by id and kept only if still waitlisted. */
  @Override
  public List<Placement> findWaitlisted(int limit) {
    List<String> line = waitlist.line().stream().map(WaitlistIndex.Entry::placementId).toList();
    List<Placement> waiting = new ArrayList<>();
    for (int from = 0; from < line.size() && waiting.size() < limit; from += WAITLIST_READ) {
      List<String> ids = line.subList(from, Math.min(line.size(), from + WAITLIST_READ));
      Map<String, Placement> byId = new HashMap<>();
      collection().find(new Document("_id", new Document("$in", ids))).forEach(d -> {
        if (PlacementStatus.WAITLISTED.name().equals(d.getString("status"))
            && !d.containsKey(ClosedRecords.ANONYMISED_AT)) {
          byId.put(d.getString("_id"), documents.fromDocument(d));
        }
      });
      ids.stream().map(byId::get).filter(Objects::nonNull).limit(limit - waiting.size()).forEach(waiting::add);
    }
    return waiting;
  }

  @Override
  public List<Placement> findWaitlistedUnescalatedBefore(Instant before, int limit) {
    return find(and(eq("status", PlacementStatus.WAITLISTED.name()), eq("escalatedAt", null),
        lt("createdAt", Date.from(before))), limit);
  }

  @Override
  public List<Placement> findEscalated(int limit) {
    return find(and(eq("status", PlacementStatus.WAITLISTED.name()), ne("escalatedAt", null)), WAITLIST_ORDER, limit);
  }

  @Override
  public List<Placement> findPendingCreatedBefore(Instant before, int limit) {
    return find(and(eq("status", PlacementStatus.PENDING.name()), lt("createdAt", Date.from(before))), limit);
  }

  @Override
  public List<Placement> findMissingBedRunOut(Instant now, int limit) {
    return find(and(eq("status", PlacementStatus.RESIDENT_MISSING.name()), lte("bedKeptUntil", Date.from(now))), limit);
  }

  @Override
  public List<Placement> findWithBedAt(String shelterId) {
    return find(and(eq("hold.shelterId", shelterId), in("status", PlacementStatus.HELD.name(),
        PlacementStatus.CHECKED_IN.name(), PlacementStatus.RESIDENT_MISSING.name())), 10_000);
  }

  @Override
  public List<PlacementTimeline> timelinesCreatedSince(Instant since) {
    // Only these fields: nothing is unsealed, and anonymised placements count too.
    List<PlacementTimeline> timelines = new ArrayList<>();
    collection().find(gte("createdAt", Date.from(since)))
        .projection(Projections.include("status", "relocatedFrom", "createdAt", "firstHeldAt", "checkedInAt",
            "firstAssignedAt", "transport.driverAt"))
        .forEach(d -> timelines.add(new PlacementTimeline(PlacementStatus.valueOf(d.getString("status")),
            d.getString("relocatedFrom"), instant(d.getDate("createdAt")), instant(d.getDate("firstHeldAt")),
            instant(d.getDate("checkedInAt")), firstAssignedAt(d))));
    return timelines;
  }

  /**
   * Placements stored before {@code firstAssignedAt} was kept have only their current driver's
   * assignment time: the first one unless she was re-assigned, the best there is for them.
   */
  private static Instant firstAssignedAt(Document d) {
    Date first = d.getDate("firstAssignedAt");
    if (first != null) {
      return first.toInstant();
    }
    Document transport = d.get("transport", Document.class);
    return transport == null ? null : instant(transport.getDate("driverAt"));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  @Override
  public long countByStatus(PlacementStatus status) {
    return collection().countDocuments(eq("status", status.name()));
  }

  private void notifyObservers(Placement placement, List<PlacementEvent> events) {
    observers.orderedStream().forEach(observer -> {
      try {
        observer.stored(placement, events);
      } catch (RuntimeException e) {
        // An observer's trouble must never undo or fail a stored change.
        log.warn("Observer {} failed for placement {}: {}", observer.getClass().getSimpleName(), placement.id(),
            e.getClass().getSimpleName());
      }
    });
  }

  private List<Placement> find(Bson filter, int limit) {
    return find(filter, new Document("createdAt", 1), limit);
  }

  private List<Placement> find(Bson filter, Document sort, int limit) {
    List<Placement> found = new ArrayList<>();
    collection().find(filter).sort(sort).limit(limit)
        .forEach(document -> found.add(documents.fromDocument(document)));
    return found;
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }
}
