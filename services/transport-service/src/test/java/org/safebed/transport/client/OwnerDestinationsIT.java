package org.safebed.transport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.web.client.OutboundGuard;
import org.safebed.platform.web.client.OutboundHttp;
import org.safebed.platform.web.client.ServiceAccessToken;
import org.safebed.transport.application.DestinationLookup;
import org.safebed.transport.config.OwnerProperties;

/** The address owner and the token endpoint as WireMock plays them, without Spring. */
class OwnerDestinationsIT {

  private static final String PATH = "/internal/placements/plc-1/destination";
  private static final OutboundGuard.Settings QUICK = new OutboundGuard.Settings(Duration.ofSeconds(1), 2, Duration.ofMillis(20), 50f, 4, 4, Duration.ofSeconds(30), 2);

  private static WireMockServer outside;
  private OwnerDestinations occupancy;

  @BeforeAll
  static void start() {
    outside = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    outside.start();
  }

  @AfterAll
  static void stop() {
    outside.stop();
  }

  @BeforeEach
  void fresh() {
    outside.resetAll();
    outside.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(okJson("{\"access_token\":\"tok\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    ServiceAccessToken token = new ServiceAccessToken(
        outside.baseUrl() + "/oauth2/token", "transport-service", "s3cret", null, OutboundHttp.timeLimited(QUICK.timeout()),
        new OutboundGuard("service-token", breakers, QUICK.withoutRetry(), e -> false));
    occupancy =
        new OwnerDestinations(
            "occupancy", "/internal/placements/{placementId}/destination", new OwnerProperties(outside.baseUrl(), QUICK), token,
            breakers);
  }

  @Test
  void aBurstOfServerErrorsOpensTheBreakerAndThenTheOwnerIsNotCalled() {
    outside.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> occupancy.fetch("plc-1", "drv", "job-plc-1")).isInstanceOf(DestinationLookup.Unavailable.class);
    }
    assertThat(occupancy.guard().state()).isEqualTo(CircuitBreaker.State.OPEN);
    int calls = outside.findAll(getRequestedFor(urlEqualTo(PATH))).size();

    assertThatThrownBy(() -> occupancy.fetch("plc-1", "drv", "job-plc-1")).isInstanceOf(DestinationLookup.Unavailable.class);
    assertThat(outside.findAll(getRequestedFor(urlEqualTo(PATH)))).hasSize(calls);
  }

  @Test
  void refusalsSayNothingAboutTheOwnersHealth() {
    outside.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(403)));

    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> occupancy.fetch("plc-1", "drv", "job-plc-1")).isInstanceOf(DestinationLookup.Refused.class);
    }

    assertThat(occupancy.guard().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    outside.verify(6, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aTokenEndpointThatFailsIsNotRetriedAndMakesTheAddressUnavailable() {
    outside.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> occupancy.fetch("plc-1", "drv", "job-plc-1")).isInstanceOf(DestinationLookup.Unavailable.class);

    outside.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
    outside.verify(0, getRequestedFor(urlPathMatching("/internal/.*")));
  }

  @Test
  void anAddressTooLongToBeOneIsNotPassedOn() {
    outside.stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"address\":\"" + "x".repeat(501) + "\"}")));

    assertThatThrownBy(() -> occupancy.fetch("plc-1", "drv", "job-plc-1")).isInstanceOf(DestinationLookup.Unavailable.class);
  }
}
