package org.safebed.platform.web.push;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts the devices of accounts. Each device gets one empty push; a device whose subscription has
 * ended (404/410) is forgotten; any other failure is logged by the push service's host and the
 * failure's type only, never by a person's account or a device's address.
 */
public final class PushAlerts implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PushAlerts.class);

  private final PushSubscriptions subscriptions;
  private final PushDelivery delivery;
  private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();

  public PushAlerts(PushSubscriptions subscriptions, PushDelivery delivery) {
    this.subscriptions = subscriptions;
    this.delivery = delivery;
  }

  /** Whether alerts can be sent at all (VAPID keys are there). */
  public boolean on() {
    return delivery.publicKey().isPresent();
  }

  /** Alerts each device of the account, on the caller's thread; never throws. */
  public void alert(String accountSubject, Duration timeToLive, String topic) {
    if (!on()) {
      return;
    }
    try {
      for (PushSubscription device : subscriptions.of(accountSubject)) {
        if (delivery.send(device.endpoint(), timeToLive, topic) == PushDelivery.Outcome.GONE) {
          subscriptions.remove(accountSubject, device.endpoint());
          log.info("A device's push subscription at {} has ended: removed", device.endpoint().getHost());
        }
      }
    } catch (RuntimeException e) {
      log.warn("Push alerts failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Alerts each device of these accounts off the caller's thread: returns at once. */
  public void alertLater(Collection<String> accountSubjects, Duration timeToLive, String topic) {
    if (accountSubjects.isEmpty() || !on()) {
      return;
    }
    List<String> accounts = List.copyOf(accountSubjects);
    try {
      sending.execute(() -> accounts.forEach(account -> alert(account, timeToLive, topic)));
    } catch (RuntimeException e) {
      log.warn("Push alerts not sent: {}", e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    sending.shutdown();
  }
}
