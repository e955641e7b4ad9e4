package org.safebed.gateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and browser rules the gateway enforces on API calls.
 *
 * @param rateLimit each user's request budget
 * @param anonymousRateLimit each remote address's budget of unauthenticated requests (without
 *     credentials, or answered 401)
 * @param connections how long a client may take to send a request
 * @param maxRequestBody the largest request body accepted; SafeBed's requests are small JSON
 * @param cors which browser origins may call the API (none unless listed)
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of every answer: the API serves
 *     data, never a page, so by default nothing may be loaded, framed or submitted from it
 */
@ConfigurationProperties("safebed.gateway")
public record GatewayProperties(
    RateLimit rateLimit,
    RateLimit anonymousRateLimit,
    Connections connections,
    DataSize maxRequestBody,
    Cors cors,
    String contentSecurityPolicy) {

  public static final String API_CONTENT_SECURITY_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  public GatewayProperties {
    rateLimit = rateLimit == null ? new RateLimit(null, null, null) : rateLimit;
    // Far below a user's: nobody signs in, probes health or fails a token 10 times a second.
    anonymousRateLimit = anonymousRateLimit == null ? new RateLimit(10.0, 30, null) : anonymousRateLimit;
    connections = connections == null ? new Connections(null, null) : connections;
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
   * What a client has to send its request in, so a slow or idle one cannot hold a connection.
   *
   * @param requestHeadTimeout time for a request's line and headers, from the connection's opening
   *     or the end of the previous answer (so also how long an idle connection stays open)
   * @param requestBodyTimeout time for a request's body once its headers are in
   */
  public record Connections(Duration requestHeadTimeout, Duration requestBodyTimeout) {

    public Connections {
      requestHeadTimeout = requestHeadTimeout == null ? Duration.ofSeconds(10) : requestHeadTimeout;
      requestBodyTimeout = requestBodyTimeout == null ? Duration.ofSeconds(10) : requestBodyTimeout;
      if (!requestHeadTimeout.isPositive() || !requestBodyTimeout.isPositive()) {
        throw new IllegalArgumentException("safebed.gateway.connections timeouts must be positive");
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
