package org.safebed.occupancy.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementEvent;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.platform.messaging.OutboxEvent;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Placements as documents, each carrying its own outbox ({@code pendingEvents}): a state change and
 * the events it causes are one conditional single-document update, so neither exists without the
 * other, and the relay publishes them afterwards.
 */
@Repository
public class MongoPlacements implements PlacementRepository {

  static final String COLLECTION = "placements";

  private final MongoTemplate mongo;
  private final OutboxRelay relay;

  public MongoPlacements(MongoTemplate mongo, OutboxRelay relay) {
    this.mongo = mongo;
    this.relay = relay;
  }

  @PostConstruct
  void createIndexes() {
    collection().createIndex(Indexes.ascending("requestedBy", "idempotencyKey"), new IndexOptions().unique(true));
    collection().createIndex(Indexes.ascending("status", "hold.expiresAt"));
    collection().createIndex(Indexes.ascending("status", "createdAt"));
    collection().createIndex(Indexes.ascending("requestedBy", "status"));
  }

  @Override
  public void insert(Placement placement) {
    try {
      collection().insertOne(PlacementDocuments.toDocument(placement).append(OutboxEvent.PENDING_EVENTS_FIELD, List.of()));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        throw new DuplicateRequestException();
      }
      throw e;
    }
  }

  @Override
  public Optional<Placement> findById(String id) {
    return Optional.ofNullable(collection().find(eq("_id", id)).first()).map(PlacementDocuments::fromDocument);
  }

  @Override
  public Optional<Placement> findByIdempotencyKey(String requestedBy, String idempotencyKey) {
    return Optional.ofNullable(
            collection().find(and(eq("requestedBy", requestedBy), eq("idempotencyKey", idempotencyKey))).first())
        .map(PlacementDocuments::fromDocument);
  }

  @Override
  public Optional<Placement> save(Placement changed, List<PlacementEvent> events) {
    List<Bson> updates = new ArrayList<>();
    PlacementDocuments.mutableFields(changed).forEach((field, value) -> updates.add(Updates.set(field, value)));
    updates.add(Updates.set("version", changed.version() + 1));
    if (!events.isEmpty()) {
      List<Document> outbox = events.stream().map(MongoPlacements::outboxEntry).toList();
      updates.add(Updates.pushEach(OutboxEvent.PENDING_EVENTS_FIELD, outbox));
    }
    Document saved = collection().findOneAndUpdate(
        and(eq("_id", changed.id()), eq("version", changed.version())),
        Updates.combine(updates),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (saved == null) {
      return Optional.empty();
    }
    if (!events.isEmpty()) {
      relay.wake();
    }
    return Optional.of(PlacementDocuments.fromDocument(saved));
  }

  @Override
  public long countActiveHolds(String requestedBy) {
    return collection().countDocuments(and(eq("requestedBy", requestedBy),
        in("status", PlacementStatus.PENDING.name(), PlacementStatus.HELD.name())));
  }

  @Override
  public List<Placement> findHeldExpiredAt(Instant now, int limit) {
    return find(and(eq("status", PlacementStatus.HELD.name()), lte("hold.expiresAt", Date.from(now))), limit);
  }

  @Override
  public List<Placement> findWaitlisted(int limit) {
    return find(eq("status", PlacementStatus.WAITLISTED.name()), limit);
  }

  @Override
  public List<Placement> findPendingCreatedBefore(Instant before, int limit) {
    return find(and(eq("status", PlacementStatus.PENDING.name()), lt("createdAt", Date.from(before))), limit);
  }

  private List<Placement> find(Bson filter, int limit) {
    List<Placement> found = new ArrayList<>();
    collection().find(filter).sort(new Document("createdAt", 1)).limit(limit)
        .forEach(document -> found.add(PlacementDocuments.fromDocument(document)));
    return found;
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }

  /** The stored shape the platform relay publishes from; correlation is the placement itself. */
  private static Document outboxEntry(PlacementEvent event) {
    OutboxEvent outbox = OutboxEvent.of(event.type(), event.placementId(), event.placementId(), event.data());
    return new Document("eventId", outbox.eventId())
        .append("type", outbox.type())
        .append("occurredAt", Date.from(outbox.occurredAt()))
        .append("aggregateId", outbox.aggregateId())
        .append("correlationId", outbox.correlationId())
        .append("data", new Document(outbox.data()));
  }
}
