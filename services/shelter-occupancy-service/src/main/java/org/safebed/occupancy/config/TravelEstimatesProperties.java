package org.safebed.occupancy.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how matching asks the transport service for travel estimates.
 *
 * @param baseUrl the transport service
 * @param shortlistSize how many of the best candidates by straight line are estimated (transport
 *     takes at most 50 a call); each is located first, so more costs a little time per request
 * @param timeout the time limit of the call, token included: well under a police request's budget,
 *     since matching waits for it
 * @param failureRateThreshold percentage of failed calls that opens the circuit breaker
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumCalls calls needed before the breaker may open
 * @param openStateWait how long an open breaker answers "no estimates" at once, without a call
 * @param halfOpenCalls trial calls that decide whether to close the breaker again
 * @param remembered how long a road time between two areas is used again without asking
 */
@ConfigurationProperties("safebed.occupancy.travel-estimates")
public record TravelEstimatesProperties(
    String baseUrl,
    Integer shortlistSize,
    Duration timeout,
    Float failureRateThreshold,
    Integer slidingWindowSize,
    Integer minimumCalls,
    Duration openStateWait,
    Integer halfOpenCalls,
    Duration remembered) {

  public static final int MAX_SHORTLIST = 50;

  public TravelEstimatesProperties {
    baseUrl = baseUrl == null ? "http://localhost:8082" : baseUrl;
    shortlistSize = shortlistSize == null ? 10 : shortlistSize;
    timeout = timeout == null ? Duration.ofMillis(300) : timeout;
    failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
    slidingWindowSize = slidingWindowSize == null ? 10 : slidingWindowSize;
    minimumCalls = minimumCalls == null ? 4 : minimumCalls;
    openStateWait = openStateWait == null ? Duration.ofSeconds(30) : openStateWait;
    halfOpenCalls = halfOpenCalls == null ? 2 : halfOpenCalls;
    remembered = remembered == null ? Duration.ofMinutes(10) : remembered;
    if (shortlistSize < 1 || shortlistSize > MAX_SHORTLIST) {
      throw new IllegalArgumentException("shortlist-size must be within [1, " + MAX_SHORTLIST + "]");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the travel-estimates timeout must be positive");
    }
  }
}
