package org.safebed.referral.client;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.referral.config.OccupancyClientProperties;
import org.safebed.referral.config.ServiceCredentialsProperties;
import org.safebed.referral.domain.ExclusionZone;
import org.safebed.referral.domain.GeoPoint;
import org.safebed.referral.domain.PlacementSafety;
import org.safebed.referral.domain.PlacementSafety.PlacementConstraints;

/** The call to shelter occupancy for safety constraints, against a WireMock occupancy. */
class OccupancySafetyConstraintsIT {

  private static final String TOKEN = "/oauth2/token";
  private static final String CONSTRAINTS = "/internal/placements/plc-1/safety-constraints";
  private static final String ANSWER = """
      {"caseToken": "ct-1", "keepApartTokens": ["ka-1", "ka-2"],
       "exclusionZones": [{"lat": 48.9, "lon": 2.3, "radiusKm": 4.5}]}""";

  private WireMockServer occupancy;
  private OccupancySafetyConstraints client;

  @BeforeEach
  void start() {
    occupancy = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    occupancy.start();
    occupancy.stubFor(post(urlEqualTo(TOKEN)).willReturn(
        okJson("{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
    client = client(Duration.ofMillis(500), 4);
  }

  @AfterEach
  void stop() {
    occupancy.stop();
  }

  private OccupancySafetyConstraints client(Duration timeout, int minimumCalls) {
    return new OccupancySafetyConstraints(
        new OccupancyClientProperties(occupancy.baseUrl(), timeout, 50, minimumCalls, minimumCalls, Duration.ofMinutes(1)),
        new ServiceCredentialsProperties(occupancy.baseUrl() + TOKEN, "rental-referral-service", "synthetic-secret"),
        CircuitBreakerRegistry.ofDefaults());
  }

  @Test
  void asksAsItselfOnBehalfOfTheOfficerAndReadsTheConstraints() {
    occupancy.stubFor(post(urlEqualTo(CONSTRAINTS)).willReturn(okJson(ANSWER)));

    PlacementConstraints answer = client.forReferral("plc-1", "officer-7", java.util.List.of("PJ-2026-9"));

    assertThat(answer.caseToken()).isEqualTo("ct-1");
    assertThat(answer.safety().keepApartRefs()).containsExactly("ka-1", "ka-2");
    assertThat(answer.safety().exclusionZones()).containsExactly(new ExclusionZone(new GeoPoint(48.9, 2.3), 4.5));
    occupancy.verify(postRequestedFor(urlEqualTo(CONSTRAINTS))
        .withHeader("Authorization", equalTo("Bearer token-1"))
        .withHeader("X-On-Behalf-Of", equalTo("officer-7"))
        .withRequestBody(equalToJson("{\"keepApartFrom\": [\"PJ-2026-9\"]}")));
    assertThat(answer.toString()).doesNotContain("ct-1").doesNotContain("ka-1");
  }

  @Test
  void aRefusalIsAnAnswerNeitherRetriedNorCountedAgainstOccupancy() {
    occupancy.stubFor(post(urlEqualTo(CONSTRAINTS)).willReturn(status(403)));

    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> client.forReferral("plc-1", "officer-7", java.util.List.of()))
          .isInstanceOf(PlacementSafety.NotDisclosedException.class);
    }
    occupancy.verify(6, postRequestedFor(urlEqualTo(CONSTRAINTS)));
  }

  @Test
  void aFailedAttemptIsTriedOnceMore() {
    occupancy.stubFor(post(urlEqualTo(CONSTRAINTS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(serverError()).willSetStateTo("recovered"));
    occupancy.stubFor(post(urlEqualTo(CONSTRAINTS)).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(okJson(ANSWER)));

    assertThat(client.forReferral("plc-1", "officer-7", java.util.List.of()).caseToken()).isEqualTo("ct-1");
    occupancy.verify(2, postRequestedFor(urlEqualTo(CONSTRAINTS)));
  }

  @Test
  void aRefusedTokenIsReplacedByANewOne() {
    occupancy.stubFor(post(urlEqualTo(CONSTRAINTS)).inScenario("expired").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(status(401)).willSetStateTo("renewed"));
    occupancy.stubFor(post(urlEqualTo(CONSTRAINTS)).inScenario("expired").whenScenarioStateIs("renewed")
        .willReturn(okJson(ANSWER)));

    assertThat(client.forReferral("plc-1", "officer-7", java.util.List.of()).caseToken()).isEqualTo("ct-1");
    occupancy.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
  }

  @Test
  void aSlowOrMalformedAnswerIsUnavailableNotAnEmptySetOfConstraints() {
    occupancy.stubFor(post(urlEqualTo(CONSTRAINTS)).willReturn(okJson(ANSWER).withFixedDelay(1_500)));
    assertThatThrownBy(() -> client.forReferral("plc-1", "officer-7", java.util.List.of()))
        .isInstanceOf(PlacementSafety.UnavailableException.class);

    occupancy.stubFor(post(urlEqualTo(CONSTRAINTS)).willReturn(okJson("{\"keepApartTokens\": []}")));
    assertThatThrownBy(() -> client.forReferral("plc-1", "officer-7", java.util.List.of()))
        .isInstanceOf(PlacementSafety.UnavailableException.class);

    occupancy.stubFor(post(urlEqualTo(CONSTRAINTS)).willReturn(okJson(
        "{\"caseToken\": \"ct-1\", \"exclusionZones\": [{\"lat\": 48.9, \"lon\": 2.3, \"radiusKm\": -1}]}")));
    assertThatThrownBy(() -> client.forReferral("plc-1", "officer-7", java.util.List.of()))
        .isInstanceOf(PlacementSafety.UnavailableException.class);
  }

  @Test
  void repeatedFailuresOpenTheBreakerWhichThenAnswersWithoutCalling() {
    OccupancySafetyConstraints guarded = client(Duration.ofMillis(500), 2);
    occupancy.stubFor(post(urlEqualTo(CONSTRAINTS)).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> guarded.forReferral("plc-1", "officer-7", java.util.List.of()))
        .isInstanceOf(PlacementSafety.UnavailableException.class);
    int calls = occupancy.findAll(postRequestedFor(urlEqualTo(CONSTRAINTS))).size();
    assertThatThrownBy(() -> guarded.forReferral("plc-1", "officer-7", java.util.List.of()))
        .isInstanceOf(PlacementSafety.UnavailableException.class)
        .hasMessageContaining("circuit open");

    assertThat(calls).isEqualTo(2);
    occupancy.verify(2, postRequestedFor(urlEqualTo(CONSTRAINTS)));
  }
}
