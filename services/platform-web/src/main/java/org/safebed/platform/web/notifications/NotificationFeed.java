package org.safebed.platform.web.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the people following their notifications (server-sent events at the web layer) that one
 * for them arrived. A notification raised by this instance is passed on at once; a poll every few
 * seconds, while anyone follows, reads those raised by other instances. Each is passed on once
 * (recently passed ids are remembered), on the feed's own thread, so whoever raised it never waits
 * for a follower's connection; a follower whose connection is gone is dropped.
 */
public final class NotificationFeed implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NotificationFeed.class);
  private static final int REMEMBERED = 2_000;
  /** Raises by another instance are read with this much overlap, for clocks a little apart. */
  private static final Duration OVERLAP = Duration.ofSeconds(5);

  /** A follower's connection; each method may throw when it is gone. */
  public interface Sink {

    void notification(Notification notification) throws Exception;

    void heartbeat() throws Exception;
  }

  private record Follower(Set<String> keys, Sink sink) {}

  private final Clock clock;
  private final Set<Follower> followers = new CopyOnWriteArraySet<>();
  private final Map<String, Boolean> passedOn = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  });
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().name("notification-feed").daemon().unstarted(r));
  private volatile BiFunction<Instant, Integer, List<Notification>> raisedAfter = (since, limit) -> List.of();
  private volatile Instant polledUpTo;

  public NotificationFeed(Clock clock, Duration pollEvery, Duration heartbeatEvery) {
    this.clock = clock;
    this.polledUpTo = clock.instant();
    thread.scheduleWithFixedDelay(this::poll, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    thread.scheduleWithFixedDelay(this::heartbeat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Where the poll reads what any instance raised after an instant (the store). */
  void readFrom(BiFunction<Instant, Integer, List<Notification>> raisedAfter) {
    this.raisedAfter = raisedAfter;
  }

  /** Follows the notifications reaching these keys until {@link #unfollow} or the sink fails. */
  public Runnable follow(Set<String> keys, Sink sink) {
    Follower follower = new Follower(Set.copyOf(keys), sink);
    followers.add(follower);
    return () -> followers.remove(follower);
  }

  void publish(Notification notification) {
    if (!followers.isEmpty()) {
      thread.execute(() -> passOn(notification));
    } else {
      passedOn.put(notification.id(), Boolean.TRUE);
    }
  }

  int followers() {
    return followers.size();
  }

  private void passOn(Notification notification) {
    if (passedOn.put(notification.id(), Boolean.TRUE) != null) {
      return;
    }
    for (Follower follower : followers) {
      if (NotificationInbox.reaches(notification, follower.keys())) {
        deliver(follower, () -> follower.sink().notification(notification));
      }
    }
  }

  private void poll() {
    Instant now = clock.instant();
    if (followers.isEmpty()) {
      polledUpTo = now;
      return;
    }
    try {
      for (Notification notification : raisedAfter.apply(polledUpTo.minus(OVERLAP), 500)) {
        passOn(notification);
      }
      polledUpTo = now;
    } catch (RuntimeException e) {
      // The store is away for a moment: the next poll reads from the same instant.
      log.warn("Notification poll failed ({}); trying again", e.getClass().getSimpleName());
    }
  }

  private void heartbeat() {
    for (Follower follower : followers) {
      deliver(follower, () -> follower.sink().heartbeat());
    }
  }

  private void deliver(Follower follower, Delivery delivery) {
    try {
      delivery.run();
    } catch (Exception gone) {
      followers.remove(follower);
    }
  }

  @FunctionalInterface
  private interface Delivery {
    void run() throws Exception;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
