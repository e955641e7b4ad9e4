package org.safebed.transport.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.safebed.platform.messaging.OutboxEvent;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.safebed.transport.domain.JobKind;
import org.safebed.transport.domain.JobStatus;
import org.safebed.transport.domain.PlacementPickups;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.safebed.transport.domain.Transition;
import org.safebed.transport.messaging.PublishedEvents;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Jobs in Mongo. A change is one {@code updateOne} whose filter holds the id and the version the job
 * was loaded at, and whose update sets the new state and pushes the events into the job's own
 * outbox: state and events are written together or not at all.
 */
@Repository
class MongoTransportJobs implements TransportJobs {

  /** Who may assign a waiting job: a time, not a document of its own (no TTL indexes here). */
  static final String LEASE = "assignmentLeaseUntil";
  /** A placement is held a handful of times at most; more would be a fault to see, not to page through. */
  private static final int PICKUPS_PER_PLACEMENT = 50;

  private final MongoTemplate mongo;
  private final OutboxRelay relay;

  MongoTransportJobs(MongoTemplate mongo, OutboxRelay relay) {
    this.mongo = mongo;
    this.relay = relay;
  }

  @Override
  public Optional<TransportJob> find(String id) {
    Document found = mongo.getCollection(JobDocuments.COLLECTION).find(new Document("_id", id)).first();
    return Optional.ofNullable(found).map(JobDocuments::job);
  }

  /**
   * Follows the placement's chain of pick-ups by id: its first job ({@link TransportJob#idFor}),
   * then each job's successor, so that every read is by {@code _id} however many jobs there are. A
   * successor named but not stored ends the chain, which {@link PlacementPickups#missingSuccessor}
   * then reports.
   */
  @Override
  public PlacementPickups pickupsOf(String placementId) {
    List<TransportJob> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String next = TransportJob.idFor(placementId);
    while (next != null && seen.add(next) && chain.size() < PICKUPS_PER_PLACEMENT) {
      Optional<TransportJob> job = find(next);
      if (job.isEmpty() || job.get().kind() != JobKind.PICKUP) {
        break;
      }
      chain.add(job.get());
      next = job.get().successorId();
    }
    return new PlacementPickups(chain);
  }

  @Override
  public boolean createIfAbsent(TransportJob job) {
    Update update = new Update().setOnInsert("version", 0L).setOnInsert(LEASE, null);
    JobDocuments.state(job).forEach(update::setOnInsert);
    UpdateResult result =
        mongo.upsert(Query.query(where("_id").is(job.id())), update, JobDocuments.COLLECTION);
    return result.getUpsertedId() != null;
  }

  /**
   * Reads the job by id, then takes the lease by a conditional update naming exactly what it read
   * (id, status and the lease it found): the keys of a unique index, an index read on every MongoDB.
   */
  @Override
  public boolean leaseForAssignment(String id, Instant now, Instant until) {
    Document job = mongo.getCollection(JobDocuments.COLLECTION).find(new Document("_id", id)).first();
    if (job == null || !JobStatus.PENDING.name().equals(job.getString("status"))) {
      return false;
    }
    Date lease = job.getDate(LEASE);
    if (lease != null && !lease.toInstant().isBefore(now)) {
      return false;
    }
    Document unchanged = new Document("_id", id).append("status", JobStatus.PENDING.name()).append(LEASE, lease);
    return mongo.getCollection(JobDocuments.COLLECTION)
        .updateOne(unchanged, Updates.set(LEASE, JobDocuments.date(until))).getModifiedCount() == 1;
  }

  @Override
  public boolean save(TransportJob job, Transition transition) {
    List<Bson> updates = new ArrayList<>();
    updates.add(Updates.inc("version", 1));
    updates.add(Updates.set(LEASE, null));
    JobDocuments.state(job).forEach((field, value) -> updates.add(Updates.set(field, value)));
    List<OutboxEvent> events = transition.events().stream().map(event -> PublishedEvents.toOutbox(event, job.kind())).toList();
    if (!events.isEmpty()) {
      updates.add(OutboxEvent.recordAll(events));
    }
    Document expected = new Document("_id", job.id()).append("version", job.version());
    boolean saved = mongo.getCollection(JobDocuments.COLLECTION)
        .updateOne(expected, Updates.combine(updates)).getModifiedCount() == 1;
    if (saved && !events.isEmpty()) {
      relay.wake(JobDocuments.COLLECTION, job.id());
    }
    return saved;
  }

  @Override
  public List<TransportJob> assignedTo(String driverSubject, JobStatus status, int limit) {
    return recent(where("driverSubject").is(driverSubject), status, limit);
  }

  @Override
  public List<TransportJob> all(JobStatus status, int limit) {
    return recent(new Criteria(), status, limit);
  }

  @Override
  public List<TransportJob> offersExpiredAt(Instant now, int limit) {
    return list(
        Query.query(where("status").is(JobStatus.OFFERED.name()).and("offerExpiresAt").lte(JobDocuments.date(now)))
            .limit(limit));
  }

  @Override
  public List<TransportJob> scheduledDueAt(Instant now, int limit) {
    return list(
        Query.query(where("status").is(JobStatus.SCHEDULED.name()).and("dueAt").lte(JobDocuments.date(now)))
            .limit(limit));
  }

  @Override
  public List<TransportJob> unassigned(int limit) {
    return list(
        Query.query(where("status").is(JobStatus.UNASSIGNED.name()))
            .with(Sort.by(Sort.Direction.ASC, "updatedAt"))
            .limit(limit));
  }

  @Override
  public List<TransportJob> pendingSince(Instant before, int limit) {
    return list(
        Query.query(where("status").is(JobStatus.PENDING.name()).and("updatedAt").lt(JobDocuments.date(before)))
            .limit(limit));
  }

  private List<TransportJob> recent(Criteria criteria, JobStatus status, int limit) {
    if (status != null) {
      criteria = criteria.and("status").is(status.name());
    }
    return list(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(limit));
  }

  private List<TransportJob> list(Query query) {
    List<TransportJob> jobs = new ArrayList<>();
    for (Document document : mongo.find(query, Document.class, JobDocuments.COLLECTION)) {
      jobs.add(JobDocuments.job(document));
    }
    return jobs;
  }
}
