package org.safebed.transport.client;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.safebed.transport.application.DestinationLookup;
import org.safebed.transport.config.ServiceCredentialsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transport's own access token (OAuth2 client-credentials grant), kept until shortly before it
 * expires. Token requests are time-limited and behind a circuit breaker but not retried here (a
 * POST); the next disclosure request simply asks again. The token is never logged.
 */
public final class ServiceTokens {

  private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);
  private static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

  private final ServiceCredentialsProperties credentials;
  private final RestClient rest;
  private final OutboundGuard guard;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private String token;
  private Instant refreshAt = Instant.MIN;

  public ServiceTokens(ServiceCredentialsProperties credentials, Clock clock, CircuitBreakerRegistry breakers) {
    this.credentials = credentials;
    this.clock = clock;
    this.rest =
        RestClient.builder()
            .requestFactory(OsrmTravelTimes.requestFactory(credentials.resilience().timeout()))
            .build();
    this.guard =
        new OutboundGuard(
            "service-token", breakers, credentials.resilience().withoutRetry(), e -> false);
  }

  /** @throws DestinationLookup.Unavailable when no token can be had now */
  public synchronized String current() {
    if (token != null && clock.instant().isBefore(refreshAt)) {
      return token;
    }
    try {
      Issued issued = guard.call(this::request);
      token = issued.value();
      Duration margin = issued.lifetime().compareTo(REFRESH_MARGIN.multipliedBy(2)) > 0
          ? REFRESH_MARGIN
          : issued.lifetime().dividedBy(2);
      refreshAt = clock.instant().plus(issued.lifetime()).minus(margin);
      return token;
    } catch (Exception e) {
      log.warn("No service token: {}", e.getClass().getSimpleName());
      throw new DestinationLookup.Unavailable("service token unavailable");
    }
  }

  /** The token was refused by a resource server: fetch a new one next time. */
  public synchronized void invalidate() {
    token = null;
    refreshAt = Instant.MIN;
  }

  private Issued request() {
    String form = "grant_type=client_credentials";
    if (credentials.scope() != null && !credentials.scope().isBlank()) {
      form += "&scope=" + URLEncoder.encode(credentials.scope(), StandardCharsets.UTF_8);
    }
    String body =
        rest.post()
            .uri(URI.create(credentials.tokenUri()))
            .header(HttpHeaders.AUTHORIZATION, basic())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            .body(form)
            .retrieve()
            .body(String.class);
    JsonNode answer = json.readTree(body == null ? "{}" : body);
    JsonNode accessToken = answer.path("access_token");
    if (!accessToken.isString() || accessToken.asString().isBlank()) {
      throw new IllegalStateException("token answer without access_token");
    }
    long expiresIn = answer.path("expires_in").isNumber() ? answer.path("expires_in").asLong() : 60;
    return new Issued(accessToken.asString(), Duration.ofSeconds(Math.max(1, expiresIn)));
  }

  /** RFC 6749 §2.3.1: id and secret form-encoded, then Basic. */
  private String basic() {
    String pair =
        URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8)
            + ":"
            + URLEncoder.encode(credentials.clientSecret(), StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private record Issued(String value, Duration lifetime) {
    @Override
    public String toString() {
      return "Issued[***]";
    }
  }
}
