package org.safebed.platform.web.push;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.safebed.platform.web.client.OutboundBreakers;
import org.safebed.platform.web.client.OutboundHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Payload-less Web Push (RFC 8030) with VAPID (RFC 8292), behind a Resilience4j circuit breaker: an
 * empty POST to the device's endpoint with {@code TTL}, {@code Urgency: high}, {@code Topic} and the
 * VAPID header. Without a payload there is nothing to encrypt (RFC 8291) and nothing personal can
 * travel. One attempt only: an alert is not repeated. A 4xx is the push service's answer about one
 * device, not an outage; 5xx, I/O and timeouts count toward the breaker. The endpoint is a device's
 * capability: only its host is ever logged.
 */
public final class WebPushClient implements PushDelivery {

  /** The breaker's fixed name in the application's registry (its state is a metric). */
  public static final String BREAKER = "web-push";

  private static final Logger log = LoggerFactory.getLogger(WebPushClient.class);

  private final RestClient rest;
  private final VapidKeys keys;
  private final VapidToken token;
  private final CircuitBreaker breaker;
  private final Clock clock;

  public WebPushClient(VapidKeys keys, PushProperties properties, Clock clock, CircuitBreakerRegistry breakers) {
    PushProperties.Breaker settings = properties.breaker();
    this.keys = keys;
    this.token = new VapidToken(keys, properties.vapid().subject());
    this.clock = clock;
    Duration connect = settings.timeout().compareTo(Duration.ofSeconds(1)) < 0 ? settings.timeout() : Duration.ofSeconds(1);
    this.rest = RestClient.builder().requestFactory(OutboundHttp.requestFactory(connect, settings.timeout())).build();
    this.breaker = breakers.circuitBreaker(BREAKER, OutboundBreakers.countBased(
            settings.slidingWindowSize(), settings.minimumCalls(), settings.failureRateThreshold(), settings.openStateWait())
        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
        .ignoreExceptions(HttpClientErrorException.class)
        .build());
  }

  @Override
  public Optional<String> publicKey() {
    return Optional.of(keys.publicKeyBase64url());
  }

  @Override
  public Outcome send(URI endpoint, Duration timeToLive, String topic) {
    try {
      breaker.executeCallable(() -> post(endpoint, timeToLive, topic));
      return Outcome.DELIVERED;
    } catch (HttpClientErrorException e) {
      HttpStatusCode status = e.getStatusCode();
      if (status.value() == 404 || status.value() == 410) {
        return Outcome.GONE;
      }
      log.warn("Push service at {} refused an alert: {}", endpoint.getHost(), status.value());
      return Outcome.FAILED;
    } catch (Exception e) {
      log.warn("Push service at {} unavailable ({})", endpoint.getHost(), e.getClass().getSimpleName());
      return Outcome.FAILED;
    }
  }

  public CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  private HttpStatusCode post(URI endpoint, Duration timeToLive, String topic) {
    return rest.post()
        .uri(endpoint)
        .header("TTL", Long.toString(timeToLive.toSeconds()))
        .header("Urgency", "high")
        .header("Topic", topic)
        .header("Authorization", token.authorization(endpoint, clock.instant()))
        .retrieve()
        .toBodilessEntity()
        .getStatusCode();
  }
}
