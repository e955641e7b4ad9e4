package org.safebed.occupancy.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a police account's request/cancel churn counts as probing (see {@code RequestChurnGuard}).
 *
 * @param maxCancellations cancellations of fresh placements allowed per window; the next request is refused
 * @param window the fixed window they are counted in (requests are refused until it ends)
 * @param freshFor a placement cancelled within this time of its request counts
 */
@ConfigurationProperties("safebed.occupancy.churn")
public record ChurnProperties(Integer maxCancellations, Duration window, Duration freshFor) {

  public ChurnProperties {
    maxCancellations = maxCancellations == null ? 10 : maxCancellations;
    window = window == null ? Duration.ofHours(1) : window;
    freshFor = freshFor == null ? Duration.ofMinutes(30) : freshFor;
    if (maxCancellations < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("safebed.occupancy.churn needs a positive limit and window");
    }
  }
}
