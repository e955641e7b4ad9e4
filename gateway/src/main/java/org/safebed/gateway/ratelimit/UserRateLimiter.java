package org.safebed.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.safebed.gateway.config.GatewayProperties;

/**
 * In-memory token buckets keyed by user (or, for unauthenticated traffic, by remote address). Per
 * gateway instance: with several instances each user
 * gets the budget once per instance, which is acceptable for abuse protection.
 */
public final class UserRateLimiter {

  private static final long SWEEP_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

  private final GatewayProperties.RateLimit limit;
  private final LongSupplier nanoClock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong();

  public UserRateLimiter(GatewayProperties.RateLimit limit, LongSupplier nanoClock) {
    this.limit = limit;
    this.nanoClock = nanoClock;
    this.lastSweep.set(nanoClock.getAsLong());
  }

  /**
   * Spends one request of the user's budget.
   *
   * @return zero when allowed, otherwise how long to wait before the next request is allowed
   */
  public Duration tryAcquire(String user) {
    long now = nanoClock.getAsLong();
    sweepIfCrowded(now);
    TokenBucket bucket = buckets.computeIfAbsent(
        user, key -> new TokenBucket(limit.burst(), limit.requestsPerSecond(), now));
    return Duration.ofNanos(bucket.tryTake(now));
  }

  /** How long until the next request is allowed (zero: now), without spending anything. */
  public Duration waitBeforeNext(String user) {
    long now = nanoClock.getAsLong();
    TokenBucket bucket = buckets.get(user);
    return bucket == null ? Duration.ZERO : Duration.ofNanos(bucket.waitNanos(now));
  }

  int trackedUsers() {
    return buckets.size();
  }

  /** Keeps memory bounded: drops idle (full) buckets, at most once a second. */
  private void sweepIfCrowded(long now) {
    long previous = lastSweep.get();
    if (buckets.size() < limit.maxTrackedUsers()
        || now - previous < SWEEP_INTERVAL_NANOS
        || !lastSweep.compareAndSet(previous, now)) {
      return;
    }
    buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now));
  }
}
