package org.safebed.platform.web.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code safebed.audit.chain.intact}: 1 while this service's audit trail verifies end to end, 0
 * once an entry was changed, removed or inserted (the on-call alert "broken audit chain"), no value
 * while the database cannot be read. Verifying walks the whole chain, so it is done at most once
 * every {@link #CHECK_EVERY}, however often Prometheus scrapes.
 */
public final class AuditChainGauge implements MeterBinder {

  public static final String NAME = "safebed.audit.chain.intact";
  static final Duration CHECK_EVERY = Duration.ofMinutes(10);

  private final AuditTrail trail;
  private final Clock clock;
  private double last = Double.NaN;
  private Instant checkedAt;

  public AuditChainGauge(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(NAME, this, AuditChainGauge::intact)
        .description("1 while the audit trail's hash chain verifies, 0 when it is broken")
        .register(registry);
  }

  synchronized double intact() {
    Instant now = clock.instant();
    if (checkedAt == null || !now.isBefore(checkedAt.plus(CHECK_EVERY))) {
      try {
        last = trail.verify().intact() ? 1 : 0;
      } catch (RuntimeException unreadable) {
        last = Double.NaN; // the database is away: no value rather than a wrong one
      }
      checkedAt = now;
    }
    return last;
  }
}
