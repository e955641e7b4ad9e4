package org.safebed.gateway.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and browser rules the gateway enforces on API calls.
 *
 * @param rateLimit each user's request budget
 * @param maxRequestBody the largest request body accepted; SafeBed's requests are small JSON
 * @param cors which browser origins may call the API (none unless listed)
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of every answer: the API serves
 *     data, never a page, so by default nothing may be loaded, framed or submitted from it
 */
@ConfigurationProperties("safebed.gateway")
public record GatewayProperties(
    RateLimit rateLimit, DataSize maxRequestBody, Cors cors, String contentSecurityPolicy) {

  public static final String API_CONTENT_SECURITY_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  public GatewayProperties {
    rateLimit = rateLimit == null ? new RateLimit(null, null, null) : rateLimit;
    maxRequestBody = maxRequestBody == null ? DataSize.ofKilobytes(64) : maxRequestBody;
    if (maxRequestBody.toBytes() <= 0) {
      throw new IllegalArgumentException("safebed.gateway.max-request-body must be positive");
    }
    cors = cors == null ? new Cors(null) : cors;
    contentSecurityPolicy = contentSecurityPolicy == null || contentSecurityPolicy.isBlank()
        ? API_CONTENT_SECURITY_POLICY : contentSecurityPolicy;
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

  /**
   * Cross-origin calls from browsers. Deny by default: with no origin listed, every cross-origin
   * request (and preflight) is refused, so only same-origin pages (the console served through the
   * gateway) and non-browser clients can call the API.
   *
   * @param allowedOrigins exact origins, e.g. {@code https://console.safebed.example}; no wildcards
   */
  public record Cors(List<String> allowedOrigins) {

    public Cors {
      // An empty environment variable binds as one blank entry.
      allowedOrigins = allowedOrigins == null ? List.of()
          : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
      for (String origin : allowedOrigins) {
        if (origin.contains("*")) {
          throw new IllegalArgumentException(
              "safebed.gateway.cors.allowed-origins takes exact origins, not patterns: " + origin);
        }
      }
    }
  }
}
