package org.safebed.transport.client;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.util.function.Function;
import org.safebed.platform.web.client.OutboundGuard;
import org.safebed.platform.web.client.OutboundHttp;
import org.safebed.platform.web.client.ServiceAccessToken;
import org.safebed.transport.application.DestinationAddress;
import org.safebed.transport.application.DestinationLookup.Refused;
import org.safebed.transport.application.DestinationLookup.Unavailable;
import org.safebed.transport.application.PickupPoint;
import org.safebed.transport.config.OwnerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks one owner of addresses (shelter occupancy, rental referral) for one record's destination,
 * as transport (its own service token), naming the driver and the job it is for. The answer goes
 * straight back to the caller: it is not stored, cached or logged here. Retried only on 5xx and
 * I/O (the GET is idempotent); a refusal is passed on as a refusal and does not count against the
 * owner's health.
 */
public final class OwnerDestinations {

  private static final Logger log = LoggerFactory.getLogger(OwnerDestinations.class);
  static final int MAX_ADDRESS_LENGTH = 500;

  private final String baseUrl;
  private final String pathTemplate;
  private final ServiceAccessToken token;
  private final RestClient rest;
  private final OutboundGuard guard;
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * @param name names the circuit breaker
   * @param pathTemplate the look-up path with one variable, the owner's record id
   */
  public OwnerDestinations(
      String name, String pathTemplate, OwnerProperties properties, ServiceAccessToken token,
      CircuitBreakerRegistry breakers) {
    this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
    this.pathTemplate = pathTemplate;
    this.token = token;
    this.rest =
        RestClient.builder().requestFactory(OutboundHttp.timeLimited(properties.resilience().timeout())).build();
    this.guard =
        new OutboundGuard(
            name,
            breakers,
            properties.resilience(),
            e -> e instanceof OwnerFailed || e instanceof ResourceAccessException,
            Refused.class,
            TokenRejected.class);
  }

  public DestinationAddress fetch(String recordId, String driverSubject, String jobId) {
    return fetch(recordId, driverSubject, jobId, this::address);
  }

  /** For an owner that answers an exact point ({@code {lat, lon}}) rather than an address. */
  public PickupPoint fetchPoint(String recordId, String driverSubject, String jobId) {
    return fetch(recordId, driverSubject, jobId, this::point);
  }

  private <T> T fetch(String recordId, String driverSubject, String jobId, Function<byte[], T> read) {
    String current = serviceToken();
    try {
      return guard.call(() -> ask(current, recordId, driverSubject, jobId, read));
    } catch (Refused e) {
      throw e;
    } catch (TokenRejected e) {
      token.discard();
      throw new Unavailable("service token rejected by the owner");
    } catch (Exception e) {
      log.warn("Destination look-up for job {} failed: {}", jobId, e.getClass().getSimpleName());
      throw new Unavailable("owner unavailable (" + e.getClass().getSimpleName() + ")");
    }
  }

  public OutboundGuard guard() {
    return guard;
  }

  /** Asked before the owner, under its own breaker: an identity provider away is not the owner away. */
  private String serviceToken() {
    try {
      return token.current();
    } catch (RuntimeException e) {
      log.warn("No service token: {}", e.getClass().getSimpleName());
      throw new Unavailable("service token unavailable");
    }
  }

  private <T> T ask(String bearer, String recordId, String driverSubject, String jobId, Function<byte[], T> read) {
    URI uri =
        UriComponentsBuilder.fromUriString(baseUrl)
            .path(pathTemplate)
            .buildAndExpand(recordId)
            .encode()
            .toUri();
    return rest.get()
        .uri(uri)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
        .header("X-On-Behalf-Of", driverSubject)
        .header("X-Transport-Job", jobId)
        .accept(MediaType.APPLICATION_JSON)
        .exchange(
            (request, response) -> {
              int status = response.getStatusCode().value();
              if (status == 200) {
                return read.apply(response.getBody().readAllBytes());
              }
              if (status == 401) {
                throw new TokenRejected();
              }
              if (status >= 500) {
                throw new OwnerFailed(status);
              }
              throw new Refused("owner answered " + status);
            });
  }

  private DestinationAddress address(byte[] body) {
    JsonNode address;
    try {
      address = json.readTree(body).path("address");
    } catch (RuntimeException e) {
      throw new MalformedAnswer();
    }
    if (!address.isString() || address.asString().isBlank() || address.asString().length() > MAX_ADDRESS_LENGTH) {
      throw new MalformedAnswer();
    }
    return new DestinationAddress(address.asString());
  }

  private PickupPoint point(byte[] body) {
    JsonNode answer;
    try {
      answer = json.readTree(body);
    } catch (RuntimeException e) {
      throw new MalformedAnswer();
    }
    JsonNode lat = answer.path("lat");
    JsonNode lon = answer.path("lon");
    if (!lat.isNumber() || !lon.isNumber()) {
      throw new MalformedAnswer();
    }
    try {
      return new PickupPoint(lat.asDouble(), lon.asDouble());
    } catch (IllegalArgumentException e) {
      throw new MalformedAnswer();
    }
  }

  /** The owner failed (5xx): transient, worth another attempt. */
  static final class OwnerFailed extends RuntimeException {
    OwnerFailed(int status) {
      super("owner answered " + status, null, false, false);
    }
  }

  /** The owner did not accept transport's token: a new one is fetched next time. */
  static final class TokenRejected extends RuntimeException {
    TokenRejected() {
      super("service token rejected", null, false, false);
    }
  }

  /** A 200 whose body holds no usable address (or point). The message never quotes the body. */
  static final class MalformedAnswer extends RuntimeException {
    MalformedAnswer() {
      super("no usable address in the answer", null, false, false);
    }
  }
}
