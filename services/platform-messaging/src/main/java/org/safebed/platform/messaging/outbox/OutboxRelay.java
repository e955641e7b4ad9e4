package org.safebed.platform.messaging.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.safebed.platform.messaging.EventWireFormat;
import org.safebed.platform.messaging.OutboxEvent;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes the events that aggregates recorded in their {@code pendingEvents} outbox.
 *
 * <p>Each event is published with {@code mandatory} and a correlated publisher confirm; it is
 * removed from its document only after the broker confirmed it and did not return it as
 * unroutable. Anything else leaves it pending and it is tried again with exponential backoff, so an
 * event is never lost, at worst published twice (consumers are idempotent). Events of one document
 * are removed only as a confirmed prefix, which keeps their order on the normal path.
 *
 * <p>A refused or unconfirmed event backs off on its own; a broker that cannot be reached at all
 * makes the whole relay back off, until the backoff ends or {@link #brokerAvailable()} reports a new
 * connection, whichever is first.
 *
 * <p>Where to look: a writer names the document it gave events to ({@link #wake(String, Object)}),
 * and the relay reads those documents by {@code _id}, so publishing costs the same however many
 * documents a collection holds. A sweep of every outbox (documents with a pending event, through a
 * sparse index on {@code pendingEvents.eventId} that the relay creates) finds what nobody named: events
 * left by an instance that crashed before publishing, or written by another instance's process.
 * It runs at start, when the broker comes back, when asked ({@link #wake()}) and every
 * {@code sweep-interval}.
 */
public final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int DOCUMENTS_PER_ROUND = 200;
  private static final String PENDING_EVENT_IDS = OutboxEvent.PENDING_EVENTS_FIELD + ".eventId";
  /** Documents with at least one pending event (every event has an id). */
  private static final Bson PENDING = exists(PENDING_EVENT_IDS);

  private final MongoTemplate mongo;
  private final RabbitTemplate rabbit;
  private final MessagingProperties properties;
  private final EventWireFormat wireFormat;
  private final Clock clock;
  private final Map<String, Backoff> backoffByEventId = new ConcurrentHashMap<>();
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  /** Documents named by writers (or left with events that wait for a retry), by collection. */
  private final Map<String, Set<Object>> named = new ConcurrentHashMap<>();
  private final AtomicBoolean sweepRequested = new AtomicBoolean(true);
  private volatile Instant lastSweep = Instant.EPOCH;
  /** Set while the broker cannot be reached at all; then no event is tried before it ends. */
  private volatile Backoff brokerBackoff;
  private ScheduledExecutorService executor;
  private volatile boolean running;

  public OutboxRelay(
      MongoTemplate mongo,
      RabbitTemplate rabbit,
      MessagingProperties properties,
      EventWireFormat wireFormat,
      Clock clock) {
    this.mongo = mongo;
    this.rabbit = rabbit;
    this.properties = properties;
    this.wireFormat = wireFormat;
    this.clock = clock;
  }

  /**
   * Asks the relay to publish this document's pending events soon: call after a write that recorded
   * events in it.
   */
  public void wake(String collection, Object documentId) {
    named.computeIfAbsent(collection, name -> ConcurrentHashMap.newKeySet()).add(documentId);
    scheduleRound();
  }

  /** Asks the relay to sweep every outbox soon, for writers that do not know which document changed. */
  public void wake() {
    sweepRequested.set(true);
    scheduleRound();
  }

  private void scheduleRound() {
    if (running && wakeQueued.compareAndSet(false, true)) {
      executor.execute(this::runGuarded);
    }
  }

  /**
   * Sweeps every outbox: publishes everything pending now and waits for the confirms.
   *
   * @return the number of events confirmed and removed from their outboxes
   */
  public synchronized int publishPending() {
    lastSweep = clock.instant();
    int published = 0;
    for (String collection : properties.outboxCollections()) {
      int round;
      do {
        // A full page published: more may wait behind it (a backlog after an outage).
        round = publishPendingOf(mongo.getCollection(collection), PENDING, true);
        published += Math.max(round, 0);
      } while (round >= DOCUMENTS_PER_ROUND);
      if (round < 0) {
        break; // no broker: the other collections need not try either
      }
    }
    return published;
  }

  /**
   * Publishes the pending events of the documents writers named since the last round, reading
   * them by {@code _id}.
   *
   * @return the number of events confirmed and removed from their outboxes
   */
  synchronized int publishNamed() {
    int published = 0;
    for (String collection : List.copyOf(named.keySet())) {
      Set<Object> waiting = named.get(collection);
      List<Object> ids = new ArrayList<>(waiting);
      waiting.removeAll(ids);
      for (int from = 0; from < ids.size(); from += DOCUMENTS_PER_ROUND) {
        List<Object> batch = ids.subList(from, Math.min(ids.size(), from + DOCUMENTS_PER_ROUND));
        // Exactly the _id key: an index read on every MongoDB, the wire-protocol server's included.
        int round = publishPendingOf(mongo.getCollection(collection), new Document("_id", new Document("$in", batch)),
            false);
        if (round < 0) {
          named.get(collection).addAll(ids.subList(from, ids.size()));
          return published;
        }
        published += round;
      }
    }
    return published;
  }

  /**
   * The broker is reachable again (a connection was just opened, by the relay or by a listener):
   * everything waiting is tried at once rather than after its backoff, so an outage ends for the
   * outbox within a round of the broker's return.
   */
  public void brokerAvailable() {
    if (brokerBackoff != null || !backoffByEventId.isEmpty()) {
      brokerBackoff = null;
      backoffByEventId.clear();
      wake();
    }
  }

  /**
   * The sweep's index: a sparse index holds only documents that have the field, i.e. a pending
   * event (every event has an id), so on a real MongoDB the sweep reads those and no others.
   */
  private void createSweepIndexes() {
    for (String collection : properties.outboxCollections()) {
      mongo.getCollection(collection).createIndex(Indexes.ascending(PENDING_EVENT_IDS),
          new IndexOptions().sparse(true).name("outbox_pending"));
    }
  }

  /** Age of the oldest unpublished event across all outbox collections, zero when none. */
  public Duration oldestPendingAge() {
    return backlog().oldestPendingAge();
  }

  /**
   * What waits in the outboxes now: counts and ages only, never an event's content. Reads every
   * document with pending events, which is few unless publishing is failing.
   */
  public OutboxBacklog backlog() {
    Instant now = clock.instant();
    Map<String, OutboxBacklog.OfCollection> byCollection = new java.util.LinkedHashMap<>();
    for (String collection : properties.outboxCollections()) {
      long pending = 0;
      Instant oldest = now;
      for (Document doc : mongo.getCollection(collection)
          .find(PENDING)
          .projection(Projections.include(OutboxEvent.PENDING_EVENTS_FIELD))) {
        for (Document event : doc.getList(OutboxEvent.PENDING_EVENTS_FIELD, Document.class)) {
          pending++;
          if (event.get("occurredAt") instanceof java.util.Date date && date.toInstant().isBefore(oldest)) {
            oldest = date.toInstant();
          }
        }
      }
      byCollection.put(collection, new OutboxBacklog.OfCollection(pending, Duration.between(oldest, now)));
    }
    return OutboxBacklog.of(byCollection, backoffByEventId.size(), brokerBackoff != null);
  }

  /**
   * @param sweep whether this is a sweep (a page of matching documents) rather than named ones
   * @return the events published, or -1 when the broker could not be reached
   */
  private int publishPendingOf(MongoCollection<Document> collection, Bson which, boolean sweep) {
    Instant start = clock.instant();
    Backoff waitingForBroker = brokerBackoff;
    if (waitingForBroker != null && start.isBefore(waitingForBroker.nextAttemptAt())) {
      return -1;
    }
    List<Document> documents =
        collection
            .find(which)
            .projection(Projections.include(OutboxEvent.PENDING_EVENTS_FIELD))
            .limit(DOCUMENTS_PER_ROUND)
            .into(new ArrayList<>());
    documents.removeIf(document -> document.getList(OutboxEvent.PENDING_EVENTS_FIELD, Document.class, List.of())
        .isEmpty());
    if (documents.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    List<InFlight> inFlight = new ArrayList<>();
    for (Document document : documents) {
      List<InFlight> ofDocument = new ArrayList<>();
      for (Document event : document.getList(OutboxEvent.PENDING_EVENTS_FIELD, Document.class)) {
        String eventId = event.getString("eventId");
        Backoff backoff = backoffByEventId.get(eventId);
        if (backoff != null && now.isBefore(backoff.nextAttemptAt())) {
          break; // keep this document's order: nothing after an event that waits
        }
        CorrelationData confirm = new CorrelationData(eventId);
        Message message;
        try {
          message = wireFormat.toMessage(event);
        } catch (RuntimeException e) {
          failed(eventId, event.getString("type"), "not publishable: " + e.getClass().getSimpleName());
          break;
        }
        try {
          rabbit.send(properties.exchange(), event.getString("type"), message, confirm);
        } catch (AmqpException e) {
          // No broker (or no channel): nothing else can be published either. One backoff for the
          // relay, not one per event, and the wait ends early when a connection opens again.
          brokerUnavailable(e);
          inFlight.addAll(ofDocument);
          awaitConfirmsAndRemove(collection, inFlight);
          return -1;
        }
        brokerBackoff = null;
        ofDocument.add(new InFlight(document.get("_id"), eventId, event.getString("type"), confirm));
      }
      inFlight.addAll(ofDocument);
    }
    Map<Object, List<String>> confirmed = awaitConfirmsAndRemove(collection, inFlight);
    if (!sweep) {
      retryLaterWhatRemains(collection.getNamespace().getCollectionName(), documents, confirmed);
    }
    return confirmed.values().stream().mapToInt(List::size).sum();
  }

  /**
   * Named documents with an event that was not confirmed (refused, unconfirmed, or waiting for its
   * backoff): named again, so that the following rounds retry them without a sweep.
   */
  private void retryLaterWhatRemains(String collection, List<Document> documents,
      Map<Object, List<String>> confirmed) {
    for (Document document : documents) {
      int pending = document.getList(OutboxEvent.PENDING_EVENTS_FIELD, Document.class).size();
      if (confirmed.getOrDefault(document.get("_id"), List.of()).size() < pending) {
        named.computeIfAbsent(collection, name -> ConcurrentHashMap.newKeySet()).add(document.get("_id"));
      }
    }
  }

  private void brokerUnavailable(RuntimeException e) {
    Instant now = clock.instant();
    Backoff next = brokerBackoff == null ? Backoff.first(now) : brokerBackoff.next(now, properties.maxBackoff());
    brokerBackoff = next;
    log.warn(
        "Broker unreachable ({}): events stay in the outbox; attempt {}, next in {} ms or when a connection opens",
        e.getClass().getSimpleName(),
        next.attempts(),
        Duration.between(now, next.nextAttemptAt()).toMillis());
  }

  /** @return the events confirmed and removed, by document */
  private Map<Object, List<String>> awaitConfirmsAndRemove(MongoCollection<Document> collection,
      List<InFlight> inFlight) {
    long deadline = System.nanoTime() + properties.confirmTimeout().toNanos();
    Map<Object, List<String>> confirmedPrefixByDocument = new java.util.LinkedHashMap<>();
    Map<Object, Boolean> prefixBroken = new java.util.HashMap<>();
    for (InFlight sent : inFlight) {
      boolean ok = confirmed(sent, deadline);
      if (Boolean.TRUE.equals(prefixBroken.get(sent.documentId()))) {
        continue; // published again later with the rest of its document, in order
      }
      if (ok) {
        confirmedPrefixByDocument
            .computeIfAbsent(sent.documentId(), id -> new ArrayList<>())
            .add(sent.eventId());
        backoffByEventId.remove(sent.eventId());
      } else {
        prefixBroken.put(sent.documentId(), true);
      }
    }
    for (var entry : confirmedPrefixByDocument.entrySet()) {
      collection.updateOne(
          eq("_id", entry.getKey()),
          Updates.pullByFilter(
              new Document(OutboxEvent.PENDING_EVENTS_FIELD, in("eventId", entry.getValue()))));
    }
    return confirmedPrefixByDocument;
  }

  private boolean confirmed(InFlight sent, long deadlineNanos) {
    try {
      long waitNanos = Math.max(0, deadlineNanos - System.nanoTime());
      CorrelationData.Confirm confirm =
          sent.confirm().getFuture().get(waitNanos, TimeUnit.NANOSECONDS);
      if (!confirm.ack()) {
        failed(sent.eventId(), sent.type(), "broker nack");
        return false;
      }
      if (sent.confirm().getReturned() != null) {
        failed(sent.eventId(), sent.type(), "unroutable (no queue bound)");
        return false;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      failed(sent.eventId(), sent.type(), "no confirm in time");
      return false;
    }
  }

  private void failed(String eventId, String type, String reason) {
    Backoff next =
        backoffByEventId.merge(
            eventId,
            Backoff.first(clock.instant()),
            (previous, first) -> previous.next(clock.instant(), properties.maxBackoff()));
    log.warn(
        "Event {} ({}) stays pending: {}; attempt {} , next in {} ms",
        eventId,
        type,
        reason,
        next.attempts(),
        Duration.between(clock.instant(), next.nextAttemptAt()).toMillis());
  }

  private void runGuarded() {
    wakeQueued.set(false);
    try {
      publishNamed();
      Instant now = clock.instant();
      if (sweepRequested.getAndSet(false) || !now.isBefore(lastSweep.plus(properties.sweepInterval()))) {
        publishPending();
      }
    } catch (RuntimeException e) {
      // Broker or database unavailable: events stay pending, the next round tries again.
      log.warn("Outbox relay round failed: {}", e.getClass().getSimpleName());
    }
  }

  @Override
  public void start() {
    createSweepIndexes();
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("outbox-relay").daemon().unstarted(r));
    long interval = properties.relayInterval().toMillis();
    executor.scheduleWithFixedDelay(this::runGuarded, interval, interval, TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(properties.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private record InFlight(Object documentId, String eventId, String type, CorrelationData confirm) {}

  private record Backoff(int attempts, Instant nextAttemptAt) {
    static Backoff first(Instant now) {
      return new Backoff(1, now.plusMillis(200));
    }

    Backoff next(Instant now, Duration max) {
      long delay = Math.min(max.toMillis(), 200L << Math.min(attempts, 16));
      return new Backoff(attempts + 1, now.plusMillis(delay));
    }
  }
}
