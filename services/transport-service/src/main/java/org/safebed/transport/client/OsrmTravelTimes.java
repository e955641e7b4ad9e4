package org.safebed.transport.client;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.util.Locale;
import org.safebed.platform.web.client.OutboundGuard;
import org.safebed.platform.web.client.OutboundHttp;
import org.safebed.transport.application.TravelTimes;
import org.safebed.transport.config.RoutingProperties;
import org.safebed.transport.domain.GeoPoint;
import org.safebed.transport.domain.TravelTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Travel times from an OSRM-compatible routing provider
 * ({@code GET /route/v1/driving/{lon},{lat};{lon},{lat}?overview=false}, {@code routes[0].duration}
 * in seconds), guarded by Resilience4j. Whenever it cannot answer in time — down, slow, breaker
 * open, an answer that makes no sense — the straight-line estimate is used instead, marked as such.
 */
public final class OsrmTravelTimes implements TravelTimes {

  private static final Logger log = LoggerFactory.getLogger(OsrmTravelTimes.class);

  private final RestClient rest;
  private final String baseUrl;
  private final OutboundGuard guard;
  private final JsonMapper json = JsonMapper.builder().build();

  public OsrmTravelTimes(RoutingProperties properties, CircuitBreakerRegistry breakers) {
    this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
    this.rest = RestClient.builder().requestFactory(OutboundHttp.timeLimited(properties.resilience().timeout())).build();
    this.guard =
        new OutboundGuard(
            "routing",
            breakers,
            properties.resilience(),
            // 5xx and I/O may pass; a 4xx (no route between the points) is an answer, not an outage.
            e -> e instanceof HttpServerErrorException || e instanceof ResourceAccessException,
            HttpClientErrorException.class);
  }

  @Override
  public TravelTime between(GeoPoint from, GeoPoint to) {
    try {
      return guard.call(() -> route(from, to));
    } catch (Exception e) {
      log.debug("Routing unavailable ({}): straight-line estimate", e.getClass().getSimpleName());
      return TravelTime.straightLine(from, to);
    }
  }

  public OutboundGuard guard() {
    return guard;
  }

  private TravelTime route(GeoPoint from, GeoPoint to) {
    String coordinates =
        String.format(Locale.ROOT, "%.6f,%.6f;%.6f,%.6f", from.lon(), from.lat(), to.lon(), to.lat());
    String body =
        rest.get()
            .uri(URI.create(baseUrl + "/route/v1/driving/" + coordinates + "?overview=false"))
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .body(String.class);
    return TravelTime.routed(durationSeconds(body));
  }

  private double durationSeconds(String body) {
    if (body == null || body.isBlank()) {
      throw new MalformedRoute("empty answer");
    }
    JsonNode duration;
    try {
      duration = json.readTree(body).path("routes").path(0).path("duration");
    } catch (RuntimeException e) {
      throw new MalformedRoute("not JSON");
    }
    if (!duration.isNumber() || !(duration.asDouble() >= 0) || Double.isInfinite(duration.asDouble())) {
      throw new MalformedRoute("no usable routes[0].duration");
    }
    return duration.asDouble();
  }

  /** The provider answered something that is not a route. Counts as a failure for the breaker. */
  static final class MalformedRoute extends RuntimeException {
    MalformedRoute(String reason) {
      super(reason, null, false, false);
    }
  }
}
