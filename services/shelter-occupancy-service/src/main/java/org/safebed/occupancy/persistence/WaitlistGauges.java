package org.safebed.occupancy.persistence;

import static com.mongodb.client.model.Filters.eq;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.safebed.occupancy.domain.PlacementStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code safebed.waitlist.length} and {@code safebed.waitlist.oldest.wait} (seconds): children
 * waiting for a bed and how long the longest has waited since her request. Nothing else: no region,
 * no shelter, no id. Read from the database at most once a few seconds, however often scraped.
 */
@Component
public class WaitlistGauges implements MeterBinder {

  public static final String LENGTH = "safebed.waitlist.length";
  public static final String OLDEST_WAIT = "safebed.waitlist.oldest.wait";
  private static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private record Reading(double length, double oldestWaitSeconds) {}

  private final MongoTemplate mongo;
  private final Clock clock;
  private Reading last;
  private Instant readAt = Instant.MIN;

  public WaitlistGauges(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(LENGTH, this, g -> g.read().length())
        .description("Placements waitlisted: no eligible bed free")
        .register(registry);
    Gauge.builder(OLDEST_WAIT, this, g -> g.read().oldestWaitSeconds())
        .description("How long the longest-waiting waitlisted placement has waited since its request")
        .baseUnit("seconds")
        .register(registry);
  }

  private synchronized Reading read() {
    Instant now = clock.instant();
    if (last == null || readAt.plus(FRESH_FOR).isBefore(now)) {
      try {
        var placements = mongo.getCollection(MongoPlacements.COLLECTION);
        var waitlisted = eq("status", PlacementStatus.WAITLISTED.name());
        Document oldest = placements.find(waitlisted)
            .sort(new Document("createdAt", 1)).projection(new Document("createdAt", 1)).first();
        Date since = oldest == null ? null : oldest.getDate("createdAt");
        last = new Reading(placements.countDocuments(waitlisted),
            since == null ? 0 : Math.max(0, Duration.between(since.toInstant(), now).toSeconds()));
      } catch (RuntimeException e) {
        last = new Reading(Double.NaN, Double.NaN); // database unreachable: no value rather than a wrong one
      }
      readAt = now;
    }
    return last;
  }
}
