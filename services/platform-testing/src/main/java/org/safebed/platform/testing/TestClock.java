package org.safebed.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move forward (never back): the service's clock in tests, real time plus the
 * offset; or, {@link #stoppedAt stopped}, a fixed instant plus the offset, for unit tests that must
 * know what time it is.
 */
public final class TestClock extends Clock {

  /** Where the clock stands before any advance; null: real time. */
  private final Instant stoppedAt;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /** Real time, until a test advances it. */
  public TestClock() {
    this(null);
  }

  private TestClock(Instant stoppedAt) {
    this.stoppedAt = stoppedAt;
  }

  /** A clock that shows {@code start} until a test advances it. */
  public static TestClock stoppedAt(Instant start) {
    return new TestClock(start);
  }

  public void advance(Duration by) {
    offset.accumulateAndGet(by, Duration::plus);
  }

  @Override
  public Instant instant() {
    return (stoppedAt == null ? Instant.now() : stoppedAt).plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
