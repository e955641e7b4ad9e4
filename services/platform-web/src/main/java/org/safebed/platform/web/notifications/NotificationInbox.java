package org.safebed.platform.web.notifications;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.safebed.platform.web.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service's stored notifications: raised once per cause, read by whoever they are addressed to,
 * marked read per reader, deleted 30 days after they were raised (a TTL index on a replica set).
 * Each reader's read state is her account in the notification's {@code readBy}, so a notification
 * for all coordinators is read by each of them separately.
 */
public final class NotificationInbox {

  static final String COLLECTION = "notifications";
  static final Duration KEPT = Duration.ofDays(30);

  private final MongoTemplate mongo;
  private final Clock clock;
  private final NotificationFeed feed;
  private final NotificationPush push;

  public NotificationInbox(MongoTemplate mongo, Clock clock, NotificationFeed feed) {
    this(mongo, clock, feed, null);
  }

  /** @param push wakes the devices of those an urgent one names; null for none */
  public NotificationInbox(MongoTemplate mongo, Clock clock, NotificationFeed feed, NotificationPush push) {
    this.mongo = mongo;
    this.clock = clock;
    this.feed = feed;
    this.push = push;
    feed.readFrom(this::raisedAfter);
    collection().createIndex(Indexes.compoundIndex(Indexes.ascending("audience"), Indexes.descending("raisedAt")));
    collection().createIndex(Indexes.ascending("raisedAt"));
    collection().createIndex(Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
  }

  /**
   * Stores a notification unless one with its id exists, and tells its followers at once; a new
   * urgent one also wakes the devices of the accounts it names (off this thread, see {@link NotificationPush}).
   *
   * @param id derived from the cause (e.g. {@code "missing-<placement>-<since>"}), so raising again stores nothing
   * @return whether it is new
   */
  public boolean raise(String id, NotificationKind kind, Severity severity, NotificationKind.Record recordType,
      String recordId, Audience audience) {
    Instant now = clock.instant();
    Notification notification = new Notification(id, kind, severity, recordType, recordId, audience.keys(), now);
    try {
      collection().insertOne(new Document("_id", id)
          .append("kind", kind.name())
          .append("severity", severity.name())
          .append("recordType", recordType.name())
          .append("recordId", recordId)
          .append("audience", List.copyOf(notification.audience()))
          .append("readBy", List.of())
          .append("raisedAt", Date.from(now))
          .append("expireAt", Date.from(now.plus(KEPT))));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    feed.publish(notification);
    if (push != null) {
      push.raised(notification);
    }
    return true;
  }

  /** Her newest notifications (at most {@code limit}) and how many of hers she has not read. */
  public Notification.Page pageFor(Caller caller, int limit) {
    Bson hers = addressedTo(caller);
    long unread = collection().countDocuments(Filters.and(hers, Filters.nin("readBy", caller.subject())));
    List<Notification.Seen> items = new ArrayList<>();
    // Raised in the same millisecond: the order is still the same on every reading.
    for (Document d : collection().find(hers).sort(Sorts.descending("raisedAt", "_id")).limit(limit)) {
      items.add(new Notification.Seen(notification(d), d.getList("readBy", String.class).contains(caller.subject())));
    }
    return new Notification.Page(unread, items);
  }

  /** @return false when no such notification is addressed to her */
  public boolean markRead(Caller caller, String id) {
    return collection().updateOne(Filters.and(Filters.eq("_id", id), addressedTo(caller)),
        Updates.addToSet("readBy", caller.subject())).getMatchedCount() > 0;
  }

  public void markAllRead(Caller caller) {
    collection().updateMany(Filters.and(addressedTo(caller), Filters.nin("readBy", caller.subject())),
        Updates.addToSet("readBy", caller.subject()));
  }

  /** Those raised after {@code since} (by any instance), oldest first: how followers hear of other instances' raises. */
  List<Notification> raisedAfter(Instant since, int limit) {
    List<Notification> raised = new ArrayList<>();
    collection().find(Filters.gt("raisedAt", Date.from(since))).sort(Sorts.ascending("raisedAt")).limit(limit)
        .forEach(d -> raised.add(notification(d)));
    return raised;
  }

  private static Bson addressedTo(Caller caller) {
    return Filters.in("audience", Audience.keysOf(caller));
  }

  private static Notification notification(Document d) {
    return new Notification(d.getString("_id"), NotificationKind.valueOf(d.getString("kind")),
        Severity.valueOf(d.getString("severity")), NotificationKind.Record.valueOf(d.getString("recordType")),
        d.getString("recordId"), new HashSet<>(d.getList("audience", String.class)),
        d.getDate("raisedAt").toInstant());
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }

  /** For tests and the feed: the keys a notification reaches. */
  static boolean reaches(Notification notification, Set<String> keys) {
    return notification.audience().stream().anyMatch(keys::contains);
  }
}
