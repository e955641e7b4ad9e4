package org.safebed.transport.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.safebed.platform.web.retention.ClosedRecords;
import org.safebed.platform.web.retention.RetentionTask;
import org.safebed.transport.domain.JobStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What of a finished transport job is about the person moved and goes when the retention period
 * has passed: where she was picked up and taken (coarse areas), whether she is a minor, her
 * languages and escort preference. Addresses are never stored here. Who drove, when, and for
 * which placement stays, for accountability.
 */
@Configuration(proxyBeanMethods = false)
class JobRetention {

  private static final List<String> FINAL =
      Arrays.stream(JobStatus.values()).filter(JobStatus::isFinal).map(Enum::name).toList();

  @Bean
  RetentionTask finishedTransportJobs(MongoTemplate mongo, Clock clock) {
    return new ClosedRecords(mongo, clock, "transport_job", JobDocuments.COLLECTION,
        cutoff -> and(in("status", FINAL), lt("updatedAt", Date.from(cutoff))),
        List.of("pickupArea", "destinationArea", "minor", "languages", "escortGender"),
        List.of());
  }
}
