package org.safebed.identity.limit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failures per key (a client id, a remote address) in fixed windows that start at a key's
 * first failure, and blocks a key that reaches its limit until its window ends. In memory, per
 * instance: enough to make guessing a secret slow.
 */
public final class FailedAuthentications {

  private final Duration window;
  private final int maxTracked;
  private final LongSupplier nanoClock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public FailedAuthentications(Duration window, int maxTracked, LongSupplier nanoClock) {
    this.window = window;
    this.maxTracked = maxTracked;
    this.nanoClock = nanoClock;
  }

  /** Zero while the key has fewer than {@code max} failures in its window, else how long until it ends. */
  public Duration blockedFor(String key, int max) {
    Window current = windows.get(key);
    long now = nanoClock.getAsLong();
    if (current == null || current.endsAt <= now || current.failures < max) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(current.endsAt - now);
  }

  /** Counts one failure; returns the key's failures in its window so far. */
  public int recordFailure(String key) {
    long now = nanoClock.getAsLong();
    if (windows.size() >= maxTracked) {
      windows.values().removeIf(expired -> expired.endsAt <= now);
    }
    return windows.compute(key, (k, current) -> current == null || current.endsAt <= now
        ? new Window(now + window.toNanos(), 1)
        : new Window(current.endsAt, current.failures + 1)).failures;
  }

  int trackedKeys() {
    return windows.size();
  }

  private record Window(long endsAt, int failures) {}
}
