package org.safebed.occupancy.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.platform.web.retention.ClosedRecords;
import org.safebed.platform.web.retention.RetentionTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What of a closed placement is personal and goes when the retention period has passed: the whole
 * request (where she was found, her exclusion zones, keep-apart tokens, age, needs, languages), the
 * sealed police case reference, the case token and the request's fingerprint and idempotency key.
 * What statistics count stays: status, times, the shelter and region of the hold, relocation links.
 */
@Configuration(proxyBeanMethods = false)
class PlacementRetention {

  private static final List<String> FINAL = Arrays.stream(PlacementStatus.values())
      .filter(PlacementStatus::isFinal).map(Enum::name).toList();

  @Bean
  RetentionTask closedPlacements(MongoTemplate mongo, Clock clock) {
    return new ClosedRecords(mongo, clock, "placement", MongoPlacements.COLLECTION,
        cutoff -> and(in("status", FINAL), lt("updatedAt", Date.from(cutoff))),
        List.of("request", PlacementDocuments.SEALED_CASE_REF, "caseToken", "requestFingerprint"),
        // In the unique (requestedBy, idempotencyKey) index.
        List.of("idempotencyKey"));
  }
}
