package org.safebed.platform.messaging.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.safebed.platform.messaging.deadletter.DeadLetters;

/**
 * {@code safebed.dead.letters} (Prometheus {@code safebed_dead_letters}): events in this service's
 * dead-letter queue. Any value above zero needs an operator ({@code /actuator/deadletters}). The
 * count is read from the broker at most every few seconds, however often it is scraped.
 */
public final class DeadLetterMetrics implements MeterBinder {

  public static final String DEAD_LETTERS = "safebed.dead.letters";
  private static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private final DeadLetters deadLetters;
  private final Clock clock;
  private double last = Double.NaN;
  private Instant readAt = Instant.MIN;

  public DeadLetterMetrics(DeadLetters deadLetters, Clock clock) {
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(DEAD_LETTERS, this, DeadLetterMetrics::read)
        .description("Events in the dead-letter queue, waiting for an operator")
        .register(registry);
  }

  private synchronized double read() {
    Instant now = clock.instant();
    if (readAt.plus(FRESH_FOR).isBefore(now)) {
      try {
        last = deadLetters.count();
      } catch (RuntimeException e) {
        last = Double.NaN; // broker unreachable: no value rather than a wrong one
      }
      readAt = now;
    }
    return last;
  }
}
