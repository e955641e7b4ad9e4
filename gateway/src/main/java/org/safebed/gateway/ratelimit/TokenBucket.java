package org.safebed.gateway.ratelimit;

/** One user's budget: refills continuously at {@code ratePerSecond} up to {@code capacity}. */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1_000_000_000.0;

  private final double capacity;
  private final double tokensPerNano;
  private double tokens;
  private long refilledAt;

  TokenBucket(double capacity, double ratePerSecond, long now) {
    this.capacity = capacity;
    this.tokensPerNano = ratePerSecond / NANOS_PER_SECOND;
    this.tokens = capacity;
    this.refilledAt = now;
  }

  /** Takes one token, or returns how many nanoseconds until one is available. */
  synchronized long tryTake(long now) {
    refill(now);
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return 0;
    }
    return (long) Math.ceil((1.0 - tokens) / tokensPerNano);
  }

  /** How many nanoseconds until a token is available, without taking one. */
  synchronized long waitNanos(long now) {
    refill(now);
    return tokens >= 1.0 ? 0 : (long) Math.ceil((1.0 - tokens) / tokensPerNano);
  }

  /** A full bucket behaves exactly like a new one, so it can be dropped. */
  synchronized boolean isFull(long now) {
    refill(now);
    return tokens >= capacity;
  }

  private void refill(long now) {
    long elapsed = now - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
      refilledAt = now;
    }
  }
}
