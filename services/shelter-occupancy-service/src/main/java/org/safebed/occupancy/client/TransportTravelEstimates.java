package org.safebed.occupancy.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.safebed.occupancy.config.ServiceCredentialsProperties;
import org.safebed.occupancy.config.TravelEstimatesProperties;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.TravelEstimate;
import org.safebed.occupancy.domain.TravelEstimates;
import org.safebed.platform.web.client.OutboundBreakers;
import org.safebed.platform.web.client.OutboundHttp;
import org.safebed.platform.web.client.ServiceAccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Travel estimates from the transport service ({@code POST /internal/travel-estimates}), asked as
 * this service itself: its own client-credentials token (role SERVICE, audience safebed-transport).
 *
 * <p>Matching waits for the answer while police wait for a bed, so the call (token included) is
 * cut off at a short time limit and sits behind a circuit breaker, and is never retried. Whatever
 * goes wrong (slow, down, a refused token, an answer that does not fit) answers "no estimates" and
 * matching keeps its straight-line order; while the breaker is open nothing is asked and the
 * shortlist shrinks to one. Only coarse areas are sent; log lines name the failure, never a place.
 */
public final class TransportTravelEstimates implements TravelEstimates, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TransportTravelEstimates.class);
  private static final String PATH = "/internal/travel-estimates";
  /** How long an attempt abandoned at the time limit may still run (a token it fetches is kept). */
  private static final Duration ABANDONED_AFTER = Duration.ofSeconds(2);

  private final RestClient transport;
  private final ServiceAccessToken token;
  private final CircuitBreaker breaker;
  private final TimeLimiter limiter;
  private final int shortlistSize;
  private final JsonMapper json = JsonMapper.builder().build();
  // Attempts run on virtual threads so that the limiter can stop waiting for them.
  private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();

  public TransportTravelEstimates(
      TravelEstimatesProperties settings, ServiceCredentialsProperties credentials, CircuitBreakerRegistry breakers) {
    JdkClientHttpRequestFactory requests =
        OutboundHttp.requestFactory(settings.timeout(), settings.timeout().plus(ABANDONED_AFTER));
    this.transport = RestClient.builder().baseUrl(settings.baseUrl()).requestFactory(requests).build();
    this.token = new ServiceAccessToken(
        credentials.tokenUri(), credentials.clientId(), credentials.clientSecret(), requests);
    this.breaker = breakers.circuitBreaker("travel-estimates", OutboundBreakers.countBased(
            settings.slidingWindowSize(), settings.minimumCalls(), settings.failureRateThreshold(),
            settings.openStateWait())
        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
        .build());
    // Not cancelled at the limit: a slow first token still arrives and serves the next request.
    this.limiter = TimeLimiter.of("travel-estimates",
        TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).cancelRunningFuture(false).build());
    this.shortlistSize = settings.shortlistSize();
  }

  @Override
  public Optional<List<TravelEstimate>> from(GeoPoint pickupArea, List<GeoPoint> shelterAreas) {
    if (shelterAreas.isEmpty()) {
      return Optional.of(List.of());
    }
    Callable<List<TravelEstimate>> limited =
        TimeLimiter.decorateFutureSupplier(limiter, () -> attempts.submit(() -> ask(pickupArea, shelterAreas)));
    try {
      return Optional.of(breaker.executeCallable(limited));
    } catch (CallNotPermittedException open) {
      return Optional.empty();
    } catch (Exception e) {
      log.warn("No travel estimates from transport ({}); ranking by straight line", failure(e));
      return Optional.empty();
    }
  }

  @Override
  public int shortlistSize() {
    CircuitBreaker.State state = breaker.getState();
    boolean refusing = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    return refusing ? 1 : shortlistSize;
  }

  CircuitBreaker.State state() {
    return breaker.getState();
  }

  @Override
  public void close() {
    attempts.shutdownNow();
  }

  private List<TravelEstimate> ask(GeoPoint from, List<GeoPoint> to) {
    String body;
    try {
      body = transport.post()
          .uri(PATH)
          .headers(headers -> headers.setBearerAuth(token.current()))
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON)
          .body(json.writeValueAsString(question(from, to)))
          .retrieve()
          .body(String.class);
    } catch (HttpStatusCodeException e) {
      if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
        token.discard();
      }
      // Rethrown without the response body or the request: they hold areas.
      throw new Refused(e.getStatusCode());
    }
    return answer(body, to.size());
  }

  private static Map<String, Object> question(GeoPoint from, List<GeoPoint> to) {
    Map<String, Object> question = new LinkedHashMap<>();
    question.put("from", point(from));
    question.put("to", to.stream().map(TransportTravelEstimates::point).toList());
    return question;
  }

  private static Map<String, Object> point(GeoPoint point) {
    return Map.of("lat", point.lat(), "lon", point.lon());
  }

  /** One estimate per destination, same order, as the transport contract says; anything else is refused. */
  private List<TravelEstimate> answer(String body, int expected) {
    JsonNode answer;
    try {
      answer = json.readTree(body == null ? "" : body);
    } catch (JacksonException e) {
      throw new Malformed("not JSON");
    }
    if (answer == null || !answer.isArray() || answer.size() != expected) {
      throw new Malformed("not one estimate per destination");
    }
    List<TravelEstimate> estimates = new ArrayList<>();
    for (JsonNode estimate : answer) {
      JsonNode minutes = estimate.path("minutes");
      if (!minutes.isIntegralNumber() || !minutes.canConvertToInt() || minutes.asInt() < 0) {
        throw new Malformed("minutes missing or out of range");
      }
      estimates.add(new TravelEstimate(Duration.ofMinutes(minutes.asInt()), source(estimate.path("source"))));
    }
    return estimates;
  }

  private static TravelEstimate.Source source(JsonNode source) {
    return switch (source.isString() ? source.asString() : "") {
      case "ROUTING" -> TravelEstimate.Source.ROUTING;
      case "STRAIGHT_LINE" -> TravelEstimate.Source.TRANSPORT_STRAIGHT_LINE;
      default -> throw new Malformed("unknown source");
    };
  }


  /** What went wrong, without messages that could carry the request (URLs, bodies). */
  private static String failure(Throwable e) {
    Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
    return cause instanceof Refused || cause instanceof Malformed
        ? cause.getMessage()
        : cause.getClass().getSimpleName();
  }

  /** Transport (or the identity provider) answered with an error status. */
  private static final class Refused extends RuntimeException {
    Refused(HttpStatusCode status) {
      super("status " + status.value(), null, false, false);
    }
  }

  /** Transport answered something that is not one estimate per destination. */
  private static final class Malformed extends RuntimeException {
    Malformed(String reason) {
      super("malformed answer: " + reason, null, false, false);
    }
  }
}
