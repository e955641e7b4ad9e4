package org.safebed.referral.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.safebed.platform.web.client.OutboundBreakers;
import org.safebed.platform.web.client.OutboundHttp;
import org.safebed.platform.web.client.ServiceAccessToken;
import org.safebed.referral.config.OccupancyClientProperties;
import org.safebed.referral.config.ServiceCredentialsProperties;
import org.safebed.referral.domain.ExclusionZone;
import org.safebed.referral.domain.GeoPoint;
import org.safebed.referral.domain.PlacementSafety;
import org.safebed.referral.domain.SafetyConstraints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident's safety constraints from shelter occupancy
 * ({@code POST /internal/placements/{id}/safety-constraints}), asked as this service itself (its
 * client-credentials token, role SERVICE) on behalf of the officer making the referral.
 *
 * <p>The officer waits, so each attempt has a time limit; a failed attempt (no answer, 5xx, a token
 * the resource server refused) is tried once more, and repeated failures open a circuit breaker
 * that answers at once until occupancy is back. A refusal (403: she is not checked in there) is an
 * answer, never retried and never counted against occupancy. Nothing of the answer is logged.
 */
public final class OccupancySafetyConstraints implements PlacementSafety {

  private static final Logger log = LoggerFactory.getLogger(OccupancySafetyConstraints.class);
  private static final String PATH = "/internal/placements/{placementId}/safety-constraints";

  private final RestClient occupancy;
  private final ServiceAccessToken token;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final JsonMapper json = JsonMapper.builder().build();

  public OccupancySafetyConstraints(
      OccupancyClientProperties settings, ServiceCredentialsProperties credentials, CircuitBreakerRegistry breakers) {
    JdkClientHttpRequestFactory requests = OutboundHttp.requestFactory(settings.timeout(), settings.timeout());
    this.occupancy = RestClient.builder().baseUrl(settings.baseUrl()).requestFactory(requests).build();
    this.token = new ServiceAccessToken(
        credentials.tokenUri(), credentials.clientId(), credentials.clientSecret(), requests);
    this.breaker = breakers.circuitBreaker("occupancy-safety-constraints", OutboundBreakers.countBased(
            settings.slidingWindowSize(), settings.minimumCalls(), settings.failureRateThreshold(),
            settings.openStateWait())
        .ignoreExceptions(NotDisclosedException.class)
        .build());
    this.retry = Retry.of("occupancy-safety-constraints", RetryConfig.custom()
        .maxAttempts(2)
        .waitDuration(Duration.ofMillis(100))
        .retryExceptions(AttemptFailed.class)
        .build());
  }

  /** One attempt that did not get an answer; the message names the failure, never a value. */
  private static final class AttemptFailed extends RuntimeException {
    AttemptFailed(String what) {
      super(what, null, false, false);
    }
  }

  @Override
  public PlacementConstraints forReferral(String placementId, String officerSubject, List<String> officersKeepApartRefs) {
    // In the body, never the URL: references must not reach an access log.
    String query = json.writeValueAsString(Map.of("keepApartFrom", List.copyOf(officersKeepApartRefs)));
    Supplier<PlacementConstraints> guarded = Retry.decorateSupplier(retry,
        CircuitBreaker.decorateSupplier(breaker, () -> attempt(placementId, officerSubject, query)));
    try {
      return guarded.get();
    } catch (NotDisclosedException e) {
      throw e;
    } catch (CallNotPermittedException e) {
      throw new UnavailableException("circuit open");
    } catch (AttemptFailed e) {
      log.warn("Safety constraints of placement {} could not be read: {}", placementId, e.getMessage());
      throw new UnavailableException(e.getMessage());
    }
  }

  private PlacementConstraints attempt(String placementId, String officerSubject, String query) {
    String body;
    try {
      body = occupancy.post()
          .uri(PATH, placementId)
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON)
          .body(query)
          .header("Authorization", "Bearer " + token.current())
          .header("X-On-Behalf-Of", officerSubject)
          .retrieve()
          .body(String.class);
    } catch (HttpStatusCodeException e) {
      int status = e.getStatusCode().value();
      if (status == 403) {
        throw new NotDisclosedException();
      }
      if (status == 401) {
        token.discard(); // the next attempt asks for a new token
      }
      throw new AttemptFailed("status " + status);
    } catch (RuntimeException e) {
      // No answer (timeout, refused connection) or no token: named by type only.
      throw new AttemptFailed(e.getClass().getSimpleName());
    }
    return parse(body);
  }

  private PlacementConstraints parse(String body) {
    try {
      JsonNode answer = json.readTree(body == null ? "" : body);
      String caseToken = answer.path("caseToken").asString(null);
      List<String> keepApart = new ArrayList<>();
      answer.path("keepApartTokens").forEach(t -> keepApart.add(t.asString()));
      answer.path("officersKeepApartTokens").forEach(t -> keepApart.add(SafetyConstraints.ownAgencyOnly(t.asString())));
      List<ExclusionZone> zones = new ArrayList<>();
      for (JsonNode zone : answer.path("exclusionZones")) {
        zones.add(new ExclusionZone(
            new GeoPoint(zone.path("lat").asDouble(), zone.path("lon").asDouble()), zone.path("radiusKm").asDouble()));
      }
      if (caseToken == null || caseToken.isBlank()) {
        throw new AttemptFailed("answer without a case token");
      }
      return new PlacementConstraints(caseToken, new SafetyConstraints(zones, keepApart));
    } catch (JacksonException | IllegalArgumentException e) {
      throw new AttemptFailed("answer that does not fit: " + e.getClass().getSimpleName());
    }
  }
}
