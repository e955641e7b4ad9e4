package org.safebed.platform.web.notifications;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.safebed.platform.web.push.PushAlerts;

/**
 * Wakes the devices of the people an urgent notification is addressed to by name: a payload-less
 * push (the device shows a generic "open SafeBed"), kept by the push service an hour at most. Only
 * accounts: a notification for a role, a shelter or an agency would wake everyone who has it, and
 * the screen is where those are read. INFO never wakes anyone.
 */
public final class NotificationPush {

  /** Replaces an older, undelivered notification alert on the device; names nothing. */
  static final String TOPIC = "notification";
  static final Duration TIME_TO_LIVE = Duration.ofHours(1);

  private static final String ACCOUNT = "account:";

  private final PushAlerts alerts;

  public NotificationPush(PushAlerts alerts) {
    this.alerts = alerts;
  }

  /** Alerts the recipients' devices, off the raising thread. */
  void raised(Notification notification) {
    alerts.alertLater(recipients(notification), TIME_TO_LIVE, TOPIC);
  }

  /** The accounts whose devices a notification wakes: by account only, and only when it asks for action. */
  static Set<String> recipients(Notification notification) {
    if (notification.severity() == Severity.INFO) {
      return Set.of();
    }
    return notification.audience().stream()
        .filter(key -> key.startsWith(ACCOUNT) && key.length() > ACCOUNT.length())
        .map(key -> key.substring(ACCOUNT.length()))
        .collect(Collectors.toUnmodifiableSet());
  }
}
