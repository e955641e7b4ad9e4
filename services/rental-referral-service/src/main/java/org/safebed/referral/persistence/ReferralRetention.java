package org.safebed.referral.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.nin;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.safebed.referral.domain.ReferralStatus;
import org.safebed.platform.web.retention.ClosedRecords;
import org.safebed.platform.web.retention.RetentionTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What of a finished referral (moved in, or closed) is personal and goes when the retention period
 * has passed: her sealed exclusion zones and keep-apart references, her case token and her needs. What the
 * figures count stays: status, steps and their times, offers and decline reasons.
 */
@Configuration(proxyBeanMethods = false)
class ReferralRetention {

  @Bean
  RetentionTask finishedReferrals(MongoTemplate mongo, Clock clock) {
    List<String> active = ReferralStatus.ACTIVE.stream().map(Enum::name).toList();
    return new ClosedRecords(mongo, clock, "referral", CollectionNames.REFERRALS,
        cutoff -> and(nin("status", active), lt("lastProgressAt", Date.from(cutoff))),
        // Her case token stays on her unit while she lives there (keep-apart), not on the referral.
        List.of(SealedSafety.EXCLUSION_ZONES, SealedSafety.KEEP_APART_REFS, SealedSafety.CASE_TOKEN, "needs"),
        List.of());
  }
}
