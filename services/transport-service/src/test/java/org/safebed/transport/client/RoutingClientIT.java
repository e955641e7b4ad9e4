package org.safebed.transport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safebed.platform.web.client.OutboundGuard;
import org.safebed.transport.config.RoutingProperties;
import org.safebed.transport.domain.EtaSource;
import org.safebed.transport.domain.GeoPoint;
import org.safebed.transport.domain.TravelTime;

/** The routing provider as WireMock plays it: answers, slowness, outages, nonsense, recovery. */
class RoutingClientIT {

  private static final GeoPoint FROM = new GeoPoint(48.86, 2.35);
  private static final GeoPoint TO = new GeoPoint(48.85, 2.40);
  private static final String ROUTE = "/route/v1/driving/2.350000,48.860000;2.400000,48.850000?overview=false";
  // Generous for a cold JVM on a busy 2-core machine; the slow stub answers far later still.
  private static final Duration LIMIT = Duration.ofMillis(1_000);
  private static final Duration OPEN_WAIT = Duration.ofMillis(600);

  private static WireMockServer routing;
  private OsrmTravelTimes travelTimes;

  @BeforeAll
  static void startRouting() {
    routing = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    routing.start();
  }

  @AfterAll
  static void stopRouting() {
    routing.stop();
  }

  @BeforeEach
  void freshClient() {
    routing.resetAll();
    // A fresh client per test: its own closed breaker.
    travelTimes =
        new OsrmTravelTimes(
            new RoutingProperties(
                routing.baseUrl(),
                new OutboundGuard.Settings(LIMIT, 2, Duration.ofMillis(20), 50f, 4, 4, OPEN_WAIT, 2)),
            CircuitBreakerRegistry.ofDefaults());
  }

  @Test
  void aRoutedDurationBecomesWholeMinutes() {
    routing.stubFor(get(urlEqualTo(ROUTE)).willReturn(okJson(route(1230.4))));

    assertThat(travelTimes.between(FROM, TO)).isEqualTo(new TravelTime(21, EtaSource.ROUTING));
    routing.verify(1, getRequestedFor(urlEqualTo(ROUTE)));
  }

  @Test
  void aSlowAnswerIsCutOffAtTheLimitAndTheStraightLineUsed() {
    routing.stubFor(get(urlEqualTo(ROUTE)).willReturn(okJson(route(600)).withFixedDelay(4_000)));

    long started = System.nanoTime();
    TravelTime time = travelTimes.between(FROM, TO);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(time).isEqualTo(TravelTime.straightLine(FROM, TO));
    assertThat(took).isLessThan(Duration.ofMillis(2_500));
    routing.verify(1, getRequestedFor(urlEqualTo(ROUTE))); // a timeout is not retried
  }

  @Test
  void aSingleServerErrorIsRetried() {
    routing.stubFor(
        get(urlEqualTo(ROUTE)).inScenario("flaky").whenScenarioStateIs("Started")
            .willReturn(serverError()).willSetStateTo("recovered"));
    routing.stubFor(
        get(urlEqualTo(ROUTE)).inScenario("flaky").whenScenarioStateIs("recovered")
            .willReturn(okJson(route(600))));

    assertThat(travelTimes.between(FROM, TO)).isEqualTo(new TravelTime(10, EtaSource.ROUTING));
    routing.verify(2, getRequestedFor(urlEqualTo(ROUTE)));
  }

  @Test
  void aBurstOfServerErrorsOpensTheBreakerAndLaterCallsDoNotReachTheProvider() {
    routing.stubFor(get(urlPathMatching("/route/.*")).willReturn(aResponse().withStatus(503)));

    travelTimes.between(FROM, TO); // two failed attempts
    travelTimes.between(FROM, TO); // two more: 4 of 4 failed
    assertThat(travelTimes.guard().state()).isEqualTo(CircuitBreaker.State.OPEN);
    int reached = routing.getAllServeEvents().size();

    long started = System.nanoTime();
    TravelTime time = travelTimes.between(FROM, TO);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(time).isEqualTo(TravelTime.straightLine(FROM, TO));
    assertThat(took).isLessThan(Duration.ofMillis(200));
    assertThat(routing.getAllServeEvents()).hasSize(reached);
  }

  @Test
  void anOpenBreakerLetsTrialCallsThroughAfterItsWaitAndClosesWhenTheyWork() throws Exception {
    routing.stubFor(get(urlPathMatching("/route/.*")).willReturn(serverError()));
    travelTimes.between(FROM, TO);
    travelTimes.between(FROM, TO);
    assertThat(travelTimes.guard().state()).isEqualTo(CircuitBreaker.State.OPEN);

    routing.resetAll();
    routing.stubFor(get(urlEqualTo(ROUTE)).willReturn(okJson(route(300))));
    assertThat(travelTimes.between(FROM, TO).source()).as("still open").isEqualTo(EtaSource.STRAIGHT_LINE);
    Thread.sleep(OPEN_WAIT.toMillis() + 100);

    assertThat(travelTimes.between(FROM, TO)).isEqualTo(new TravelTime(5, EtaSource.ROUTING));
    assertThat(travelTimes.guard().state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(travelTimes.between(FROM, TO)).isEqualTo(new TravelTime(5, EtaSource.ROUTING));
    assertThat(travelTimes.guard().state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void failingTrialCallsOpenTheBreakerAgain() throws Exception {
    routing.stubFor(get(urlPathMatching("/route/.*")).willReturn(serverError()));
    travelTimes.between(FROM, TO);
    travelTimes.between(FROM, TO);
    Thread.sleep(OPEN_WAIT.toMillis() + 100);

    travelTimes.between(FROM, TO); // both trial calls (the attempt and its retry) fail

    assertThat(travelTimes.guard().state()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json at all",
        "{\"code\":\"Ok\",\"routes\":[]}",
        "{\"code\":\"Ok\"}",
        "{\"routes\":[{\"duration\":\"fast\"}]}",
        "{\"routes\":[{\"duration\":-5}]}",
        "{\"routes\":[{\"distance\":1000}]}",
        ""
      })
  void aMalformedAnswerFallsBackToTheStraightLine(String body) {
    routing.stubFor(
        get(urlEqualTo(ROUTE))
            .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));

    assertThat(travelTimes.between(FROM, TO)).isEqualTo(TravelTime.straightLine(FROM, TO));
    routing.verify(1, getRequestedFor(urlEqualTo(ROUTE))); // nonsense is not retried
  }

  @Test
  void malformedAnswersCountAgainstTheProvider() {
    routing.stubFor(get(urlEqualTo(ROUTE)).willReturn(okJson("{\"routes\":[]}")));

    for (int i = 0; i < 4; i++) {
      travelTimes.between(FROM, TO);
    }

    assertThat(travelTimes.guard().state()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void noRouteBetweenThePointsIsNotAnOutage() {
    routing.stubFor(
        get(urlEqualTo(ROUTE)).willReturn(aResponse().withStatus(400).withBody("{\"code\":\"NoRoute\"}")));

    for (int i = 0; i < 6; i++) {
      assertThat(travelTimes.between(FROM, TO).source()).isEqualTo(EtaSource.STRAIGHT_LINE);
    }

    assertThat(travelTimes.guard().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    routing.verify(6, getRequestedFor(urlEqualTo(ROUTE)));
  }

  @Test
  void noProviderAtAllFallsBackQuickly() {
    OsrmTravelTimes nowhere =
        new OsrmTravelTimes(
            new RoutingProperties("http://127.0.0.1:1", new OutboundGuard.Settings(LIMIT, 2, Duration.ofMillis(20), 50f, 4, 4, OPEN_WAIT, 2)),
            CircuitBreakerRegistry.ofDefaults());

    long started = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      assertThat(nowhere.between(FROM, TO)).isEqualTo(TravelTime.straightLine(FROM, TO));
    }

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(nowhere.guard().state()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  private static String route(double seconds) {
    return "{\"code\":\"Ok\",\"routes\":[{\"duration\":" + seconds + ",\"distance\":5000.0}],\"waypoints\":[]}";
  }
}
