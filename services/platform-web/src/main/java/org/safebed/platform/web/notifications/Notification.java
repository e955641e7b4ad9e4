package org.safebed.platform.web.notifications;

import java.time.Instant;
import java.util.Set;

/**
 * Something a person should know or act on, about one record, by opaque id only. The id is derived
 * from what caused it, so raising it again (a redelivered event, a schedule's next round) stores
 * nothing new.
 *
 * @param audience the keys of {@link Audience} it is addressed to
 */
public record Notification(String id, NotificationKind kind, Severity severity, NotificationKind.Record recordType,
    String recordId, Set<String> audience, Instant raisedAt) {

  public Notification {
    if (audience.isEmpty()) {
      throw new IllegalArgumentException("a notification for nobody");
    }
    audience = Set.copyOf(audience);
  }

  /** The notification as one reader sees it. */
  public record Seen(Notification notification, boolean read) {}

  /** A reader's page: the newest of hers, and how many of all hers she has not read. */
  public record Page(long unread, java.util.List<Seen> items) {}
}
