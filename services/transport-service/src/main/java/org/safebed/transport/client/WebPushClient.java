package org.safebed.transport.client;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.safebed.transport.application.PushDelivery;
import org.safebed.transport.config.PushProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Payload-less Web Push (RFC 8030) with VAPID (RFC 8292), behind Resilience4j: an empty POST to the
 * device's endpoint with {@code TTL}, {@code Urgency: high}, {@code Topic} and the VAPID header.
 * Without a payload there is nothing to encrypt (RFC 8291) and nothing personal can travel.
 * A 4xx is the push service's answer about one device, not an outage; 5xx, I/O and timeouts count
 * toward the breaker. The endpoint is a device's capability: only its host is ever logged.
 */
public final class WebPushClient implements PushDelivery {

  private static final Logger log = LoggerFactory.getLogger(WebPushClient.class);

  private final RestClient rest;
  private final VapidKeys keys;
  private final VapidToken token;
  private final OutboundGuard guard;
  private final Clock clock;

  public WebPushClient(VapidKeys keys, PushProperties properties, Clock clock, CircuitBreakerRegistry breakers) {
    this.keys = keys;
    this.token = new VapidToken(keys, properties.vapid().subject());
    this.clock = clock;
    this.rest = RestClient.builder()
        .requestFactory(OsrmTravelTimes.requestFactory(properties.resilience().timeout()))
        .build();
    this.guard = new OutboundGuard(
        "web-push",
        breakers,
        properties.resilience(),
        e -> e instanceof HttpServerErrorException || e instanceof ResourceAccessException,
        HttpClientErrorException.class);
  }

  @Override
  public Optional<String> publicKey() {
    return Optional.of(keys.publicKeyBase64url());
  }

  @Override
  public Outcome send(URI endpoint, Duration timeToLive, String topic) {
    try {
      guard.call(() -> post(endpoint, timeToLive, topic));
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

  public OutboundGuard guard() {
    return guard;
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
