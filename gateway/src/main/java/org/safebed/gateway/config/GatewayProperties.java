package org.safebed.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway enforces on API calls.
 *
 * @param rateLimit each user's request budget
 * @param maxRequestBody the largest request body accepted; SafeBed's requests are small JSON
 */
@ConfigurationProperties("safebed.gateway")
public record GatewayProperties(RateLimit rateLimit, DataSize maxRequestBody) {

  public GatewayProperties {
    rateLimit = rateLimit == null ? new RateLimit(null, null, null) : rateLimit;
    maxRequestBody = maxRequestBody == null ? DataSize.ofKilobytes(64) : maxRequestBody;
    if (maxRequestBody.toBytes() <= 0) {
      throw new IllegalArgumentException("safebed.gateway.max-request-body must be positive");
    }
  }

  /**
   * A token bucket per user ({@code sub}).
   *
   * @param requestsPerSecond sustained rate
   * @param burst requests allowed at once after a quiet period
   * @param maxTrackedUsers buckets kept before idle ones are dropped
   */
  public record RateLimit(Double requestsPerSecond, Integer burst, Integer maxTrackedUsers) {

    public RateLimit {
      requestsPerSecond = requestsPerSecond == null ? 50.0 : requestsPerSecond;
      burst = burst == null ? 100 : burst;
      maxTrackedUsers = maxTrackedUsers == null ? 100_000 : maxTrackedUsers;
      if (requestsPerSecond <= 0 || burst < 1 || maxTrackedUsers < 1) {
        throw new IllegalArgumentException(
            "safebed.gateway.rate-limit needs a positive rate, burst and max-tracked-users");
      }
    }
  }
}
