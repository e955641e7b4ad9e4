package org.safebed.platform.web.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the personal data of a closed case is kept.
 *
 * @param enabled whether the scheduled sweep runs (the endpoint can still run one)
 * @param closedCasePeriod how long after a record was closed (its last change) its personal data
 *     goes; also the age at which dead letters are purged
 * @param sweepInterval time between two scheduled sweeps
 */
@ConfigurationProperties("safebed.retention")
public record RetentionProperties(Boolean enabled, Duration closedCasePeriod, Duration sweepInterval) {

  public RetentionProperties {
    enabled = enabled == null || enabled;
    closedCasePeriod = closedCasePeriod == null ? Duration.ofDays(90) : closedCasePeriod;
    sweepInterval = sweepInterval == null ? Duration.ofHours(6) : sweepInterval;
    if (closedCasePeriod.isNegative() || closedCasePeriod.isZero()) {
      throw new IllegalArgumentException("safebed.retention.closed-case-period must be positive");
    }
  }
}
