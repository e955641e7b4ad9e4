package org.safebed.platform.messaging.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.safebed.platform.messaging.outbox.OutboxBacklog;
import org.safebed.platform.messaging.outbox.OutboxRelay;

/**
 * Gauges of the outbox: {@code safebed.outbox.oldest.pending.age} (seconds) and
 * {@code safebed.outbox.pending} (events). Alert on the age: it grows only while events cannot be
 * published. One backlog read serves both gauges for a second, so a scrape costs one query.
 */
public final class OutboxMetrics implements MeterBinder {

  public static final String OLDEST_PENDING_AGE = "safebed.outbox.oldest.pending.age";
  public static final String PENDING = "safebed.outbox.pending";
  private static final Duration FRESH_FOR = Duration.ofSeconds(1);

  private final OutboxRelay relay;
  private final Clock clock;
  private OutboxBacklog last;
  private Instant readAt = Instant.MIN;

  public OutboxMetrics(OutboxRelay relay, Clock clock) {
    this.relay = relay;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(OLDEST_PENDING_AGE, this, m -> m.read(b -> OutboxEndpoint.seconds(b.oldestPendingAge())))
        .description("Age of the oldest event not yet confirmed by the broker")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder(PENDING, this, m -> m.read(b -> (double) b.pending()))
        .description("Events recorded but not yet confirmed by the broker")
        .baseUnit("events")
        .register(registry);
  }

  private synchronized double read(java.util.function.ToDoubleFunction<OutboxBacklog> value) {
    Instant now = clock.instant();
    try {
      if (last == null || readAt.plus(FRESH_FOR).isBefore(now)) {
        last = relay.backlog();
        readAt = now;
      }
      return value.applyAsDouble(last);
    } catch (RuntimeException e) {
      return Double.NaN; // database unreachable: no value rather than a wrong one
    }
  }
}
