package org.safebed.referral.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Shelter occupancy, asked for a resident's safety constraints when a referral is made.
 *
 * @param baseUrl where shelter occupancy answers
 * @param timeout the longest one attempt (token included) may take; an officer waits for it
 * @param failureRateThreshold percentage of failed calls that opens the circuit breaker
 * @param slidingWindowSize calls the failure rate is measured over
 * @param minimumCalls calls before the failure rate counts
 * @param openStateWait how long the open breaker refuses calls before trying again
 */
@ConfigurationProperties("safebed.referral.occupancy")
public record OccupancyClientProperties(
    String baseUrl,
    Duration timeout,
    Integer failureRateThreshold,
    Integer slidingWindowSize,
    Integer minimumCalls,
    Duration openStateWait) {

  public OccupancyClientProperties {
    baseUrl = baseUrl == null ? "http://localhost:8081" : baseUrl;
    timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
    slidingWindowSize = slidingWindowSize == null ? 10 : slidingWindowSize;
    minimumCalls = minimumCalls == null ? 5 : minimumCalls;
    openStateWait = openStateWait == null ? Duration.ofSeconds(30) : openStateWait;
  }
}
