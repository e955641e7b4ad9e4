package org.safebed.occupancy.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safebed.occupancy.config.ServiceCredentialsProperties;
import org.safebed.occupancy.config.TravelEstimatesProperties;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.TravelEstimate;
import org.slf4j.LoggerFactory;

/** The transport service (and the identity provider) as WireMock plays them: answers, slowness, outages, nonsense. */
class TransportTravelEstimatesIT {

  private static final String ESTIMATES = "/internal/travel-estimates";
  private static final String TOKEN = "/oauth2/token";
  /** The configured limit, for the test of it; the others allow for a cold JVM on a busy machine. */
  private static final Duration LIMIT = Duration.ofMillis(300);
  private static final Duration GENEROUS = Duration.ofSeconds(3);
  private static final int MINIMUM_CALLS = 4;
  // Synthetic places with digits that appear nowhere else, so a leak into a log line would show.
  private static final GeoPoint PICKUP_AREA = new GeoPoint(12.34, 56.78);
  private static final List<GeoPoint> SHELTER_AREAS = List.of(new GeoPoint(12.45, 56.65), new GeoPoint(12.9, 57.15));

  private static WireMockServer wire;
  private TransportTravelEstimates estimates;
  private ListAppender<ILoggingEvent> logLines;

  @BeforeAll
  static void start() {
    wire = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wire.start();
  }

  @AfterAll
  static void stop() {
    wire.stop();
  }

  @BeforeEach
  void freshClient() {
    wire.resetAll();
    wire.stubFor(post(urlEqualTo(TOKEN)).willReturn(
        okJson("{\"access_token\":\"service-token-1\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
    estimates = client(wire.baseUrl(), GENEROUS);
    logLines = new ListAppender<>();
    logLines.start();
    ((Logger) LoggerFactory.getLogger(TransportTravelEstimates.class)).addAppender(logLines);
  }

  @AfterEach
  void closeClient() {
    ((Logger) LoggerFactory.getLogger(TransportTravelEstimates.class)).detachAppender(logLines);
    estimates.close();
    assertThat(logLines.list).as("no log line names a place")
        .allSatisfy(line -> assertThat(line.getFormattedMessage()).doesNotContain("12.", "56.", "57."));
  }

  /** A fresh client: its own closed breaker and no token yet. */
  private static TransportTravelEstimates client(String transportUrl, Duration limit) {
    return new TransportTravelEstimates(
        new TravelEstimatesProperties(transportUrl, 10, limit, 50f, MINIMUM_CALLS, MINIMUM_CALLS,
            Duration.ofMinutes(1), 2, null),
        new ServiceCredentialsProperties(wire.baseUrl() + TOKEN, "shelter-occupancy-service", "synthetic-secret"),
        CircuitBreakerRegistry.ofDefaults());
  }

  private void transportAnswers(String body) {
    wire.stubFor(post(urlEqualTo(ESTIMATES)).willReturn(okJson(body)));
  }

  private Optional<List<TravelEstimate>> ask() {
    return estimates.from(PICKUP_AREA, SHELTER_AREAS);
  }

  private int callsToTransport() {
    return wire.findAll(postRequestedFor(urlEqualTo(ESTIMATES))).size();
  }

  @Test
  void answersOneEstimatePerShelterAskedAsThisServiceWithAreasOnly() {
    transportAnswers("[{\"minutes\":12,\"source\":\"ROUTING\"},{\"minutes\":47,\"source\":\"STRAIGHT_LINE\"}]");

    Optional<List<TravelEstimate>> first = ask();
    Optional<List<TravelEstimate>> second = ask();

    assertThat(first).contains(List.of(
        new TravelEstimate(Duration.ofMinutes(12), TravelEstimate.Source.ROUTING),
        new TravelEstimate(Duration.ofMinutes(47), TravelEstimate.Source.TRANSPORT_STRAIGHT_LINE)));
    assertThat(second).isEqualTo(first);
    wire.verify(2, postRequestedFor(urlEqualTo(ESTIMATES))
        .withHeader("Authorization", equalTo("Bearer service-token-1"))
        .withRequestBody(equalToJson("{\"from\":{\"lat\":12.34,\"lon\":56.78},"
            + "\"to\":[{\"lat\":12.45,\"lon\":56.65},{\"lat\":12.9,\"lon\":57.15}]}")));
    String basic = Base64.getEncoder().encodeToString("shelter-occupancy-service:synthetic-secret".getBytes());
    wire.verify(1, postRequestedFor(urlEqualTo(TOKEN)).withHeader("Authorization", equalTo("Basic " + basic))
        .withRequestBody(equalTo("grant_type=client_credentials")));
    assertThat(estimates.shortlistSize()).isEqualTo(10);
  }

  @Test
  void aSlowAnswerFallsBackWithinTheTimeLimit() {
    wire.stubFor(post(urlEqualTo(ESTIMATES)).willReturn(
        okJson("[{\"minutes\":12,\"source\":\"ROUTING\"},{\"minutes\":47,\"source\":\"ROUTING\"}]")
            .withFixedDelay(5_000)));
    Optional<List<TravelEstimate>> answer;
    Duration waited;
    try (TransportTravelEstimates limited = client(wire.baseUrl(), LIMIT)) {
      limited.from(PICKUP_AREA, SHELTER_AREAS); // the token is fetched, outside the measurement
      long start = System.nanoTime();
      answer = limited.from(PICKUP_AREA, SHELTER_AREAS);
      waited = Duration.ofNanos(System.nanoTime() - start);
    }

    assertThat(answer).isEmpty();
    // The limit plus scheduling slack on a busy 2-core machine; the answer comes 3 s later.
    assertThat(waited).isLessThan(LIMIT.plusMillis(700));
  }

  @Test
  void aBurstOfServerErrorsOpensTheBreakerAndNothingIsAskedWhileItIsOpen() {
    wire.stubFor(post(urlEqualTo(ESTIMATES)).willReturn(serverError()));

    for (int i = 0; i < MINIMUM_CALLS; i++) {
      assertThat(ask()).isEmpty();
    }
    assertThat(estimates.state()).isEqualTo(CircuitBreaker.State.OPEN);
    for (int i = 0; i < 5; i++) {
      assertThat(ask()).isEmpty();
    }

    assertThat(callsToTransport()).isEqualTo(MINIMUM_CALLS);
    assertThat(estimates.shortlistSize()).as("no estimates to expect: locate no more than needed").isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void aRefusedTokenFallsBackAndANewOneIsAskedForNextTime(int refusal) {
    wire.stubFor(post(urlEqualTo(ESTIMATES)).willReturn(status(refusal)));

    assertThat(ask()).isEmpty();
    transportAnswers("[{\"minutes\":12,\"source\":\"ROUTING\"},{\"minutes\":47,\"source\":\"ROUTING\"}]");
    assertThat(ask()).isPresent();

    wire.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not json at all",
      "{\"minutes\":12,\"source\":\"ROUTING\"}",
      "[{\"minutes\":12,\"source\":\"ROUTING\"}]",
      "[{\"minutes\":12,\"source\":\"ROUTING\"},{\"minutes\":-3,\"source\":\"ROUTING\"}]",
      "[{\"minutes\":12,\"source\":\"ROUTING\"},{\"minutes\":\"47\",\"source\":\"ROUTING\"}]",
      "[{\"minutes\":12,\"source\":\"ROUTING\"},{\"minutes\":4.5,\"source\":\"ROUTING\"}]",
      "[{\"minutes\":12,\"source\":\"ROUTING\"},{\"minutes\":47,\"source\":\"TELEPORT\"}]",
      "[{\"minutes\":12,\"source\":\"ROUTING\"},{\"source\":\"ROUTING\"}]"
  })
  void anAnswerThatDoesNotFitFallsBack(String body) {
    wire.stubFor(post(urlEqualTo(ESTIMATES)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body)));

    assertThat(ask()).isEmpty();
  }

  @Test
  void withoutATokenTransportIsNotAskedAtAll() {
    wire.stubFor(post(urlEqualTo(TOKEN)).willReturn(serverError()));
    transportAnswers("[{\"minutes\":12,\"source\":\"ROUTING\"},{\"minutes\":47,\"source\":\"ROUTING\"}]");

    assertThat(ask()).isEmpty();
    assertThat(callsToTransport()).isZero();
  }

  @Test
  void anUnreachableTransportFallsBack() {
    try (TransportTravelEstimates nowhere = client("http://127.0.0.1:1", GENEROUS)) {
      assertThat(nowhere.from(PICKUP_AREA, SHELTER_AREAS)).isEmpty();
    }
  }
}
