package org.safebed.gateway.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session ids the browser has just been told to give up: changed for a new one at sign-in, or
 * cleared once because they matched no session. A browser sends several requests at once, so more
 * answers to such an id are on their way; they must not touch the cookie, which by then holds the
 * new id. An id is remembered for {@link #GRACE}, longer than any request can take.
 *
 * <p>Ids changed at sign-in are always remembered (there are as many as sign-ins). Ids that match no
 * session can be made up by anyone, so at most {@link #MAX_UNKNOWN} of them are; past that an
 * answer to an unknown id clears the cookie every time, as it would without this record.
 */
final class RetiredSessionIds {

  static final Duration GRACE = Duration.ofMinutes(2);
  static final int MAX_UNKNOWN = 50_000;
  private static final Duration PURGE_EVERY = Duration.ofSeconds(10);

  private final Map<String, Instant> retiredAt = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile Instant nextPurge;

  RetiredSessionIds(Clock clock) {
    this.clock = clock;
    this.nextPurge = clock.instant().plus(PURGE_EVERY);
  }

  /** The session that had this id now has another: its answers set the new id. */
  void retire(String id) {
    purgeIfDue();
    retiredAt.put(id, clock.instant());
  }

  /**
   * Whether an answer to this unknown id is the first to tell the browser so (and should clear
   * the cookie); later answers to the same id within the grace period are not.
   */
  boolean firstToForget(String id) {
    purgeIfDue();
    Instant now = clock.instant();
    Instant previous = retiredAt.get(id);
    if (previous != null && stillRetired(previous, now)) {
      return false;
    }
    if (previous == null && retiredAt.size() >= MAX_UNKNOWN) {
      return true;
    }
    // Of two answers to the same id racing here, only one wins.
    return previous == null
        ? retiredAt.putIfAbsent(id, now) == null
        : retiredAt.replace(id, previous, now);
  }

  boolean isRetired(String id) {
    Instant at = retiredAt.get(id);
    return at != null && stillRetired(at, clock.instant());
  }

  private static boolean stillRetired(Instant retired, Instant now) {
    return retired.plus(GRACE).isAfter(now);
  }

  private void purgeIfDue() {
    Instant now = clock.instant();
    if (now.isAfter(nextPurge)) {
      nextPurge = now.plus(PURGE_EVERY);
      retiredAt.values().removeIf(at -> !stillRetired(at, now));
    }
  }
}
