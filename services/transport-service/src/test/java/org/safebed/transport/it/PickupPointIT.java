package org.safebed.transport.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.safebed.platform.web.client.ServiceAccessToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 4: the driver of a pick-up learns the exact point police found her (the job knows only the
 * coarse area) just in time, from shelter occupancy, as transport, within the destination's window.
 */
@ExtendWith(OutputCaptureExtension.class)
class PickupPointIT extends TransportScenario {

  /** Synthetic and off the 0.01° grid of the pick-up area, so it is found anywhere it should not be. */
  private static final double FOUND_LAT = 48.863719;
  private static final double FOUND_LON = 2.357284;

  @Autowired private ServiceAccessToken serviceToken;
  private String placement;
  private String driverToken;
  private String driverSubject;
  private String job;

  @BeforeEach
  void anOfferedPickup() {
    serviceToken.discard();
    OUTSIDE.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(okJson("{\"access_token\":\"t-pick\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    String driver = driver("drv-point-" + suffix(), 48.87, 2.36, true);
    driverSubject = driverDocument(driver).getString("accountSubject");
    driverToken = TestTokens.driver(driverSubject);
    placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    job = "/api/transport/jobs/" + jobId(placement);
  }

  @Test
  void theAcceptedDriverGetsTheExactPointAskedOfOccupancyAsTransport(CapturedOutput output) {
    occupancyAnswers(okJson("{\"lat\":" + FOUND_LAT + ",\"lon\":" + FOUND_LON + "}"));
    http.post(job + "/accept", driverToken);

    ServiceHttp.Response pickup = http.get(job + "/pickup", driverToken);

    assertThat(pickup.status()).as(pickup.toString()).isEqualTo(200);
    assertThat(pickup.json().path("location").path("lat").asDouble()).isEqualTo(FOUND_LAT);
    assertThat(pickup.json().path("location").path("lon").asDouble()).isEqualTo(FOUND_LON);
    assertThat(absent(pickup.json().path("address"))).as("a pick-up has a point, not an address").isTrue();
    assertThat(pickup.header("Cache-Control")).contains("no-store");
    OUTSIDE.verify(
        getRequestedFor(urlEqualTo("/internal/placements/" + placement + "/pickup-point"))
            .withHeader("Authorization", equalTo("Bearer t-pick"))
            .withHeader("X-On-Behalf-Of", equalTo(driverSubject))
            .withHeader("X-Transport-Job", equalTo(jobId(placement))));
    OUTSIDE.verify(0, getRequestedFor(urlPathMatching("/internal/placements/.*/move-origin")));
    assertThat(auditOf(jobId(placement))).containsExactly("PICKUP_REQUESTED:GRANTED");
    assertThat(everythingStored(jobId(placement))).doesNotContain(String.valueOf(FOUND_LAT)).doesNotContain(String.valueOf(FOUND_LON));
    assertThat(output.getAll()).doesNotContain(String.valueOf(FOUND_LAT)).doesNotContain(String.valueOf(FOUND_LON));
  }

  @Test
  void onlyFromAcceptanceUntilAGraceAfterDelivery() {
    occupancyAnswers(okJson("{\"lat\":" + FOUND_LAT + ",\"lon\":" + FOUND_LON + "}"));

    assertProblem(http.get(job + "/pickup", driverToken), 403);
    driveToDelivery(job, driverToken);
    assertThat(http.get(job + "/pickup", driverToken).status()).as("just delivered").isEqualTo(200);
    clock.advance(GRACE.plusSeconds(1));
    assertProblem(http.get(job + "/pickup", driverToken), 403);

    OUTSIDE.verify(1, getRequestedFor(urlPathMatching("/internal/placements/.*/pickup-point")));
    assertThat(auditOf(jobId(placement)))
        .containsExactly("PICKUP_REQUESTED:DENIED", "PICKUP_REQUESTED:GRANTED", "PICKUP_REQUESTED:DENIED");
  }

  @Test
  void anotherDriverDoesNotSeeTheJobAtAll() {
    occupancyAnswers(okJson("{\"lat\":" + FOUND_LAT + ",\"lon\":" + FOUND_LON + "}"));
    http.post(job + "/accept", driverToken);

    assertProblem(http.get(job + "/pickup", TestTokens.driver("someone-else")), 404);
    assertProblem(http.get(job + "/pickup", coordinator), 403);
    OUTSIDE.verify(0, getRequestedFor(urlPathMatching("/internal/.*")));
  }

  @Test
  void occupancysRefusalIsPassedOnWithoutThePoint() {
    occupancyAnswers(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
        .withBody("{\"status\":403,\"detail\":\"not disclosed\"}"));
    http.post(job + "/accept", driverToken);

    ServiceHttp.Response refused = http.get(job + "/pickup", driverToken);

    assertProblem(refused, 403);
    OUTSIDE.verify(1, getRequestedFor(urlPathMatching("/internal/.*")));
    assertThat(auditOf(jobId(placement))).containsExactly("PICKUP_REQUESTED:REFUSED_BY_OWNER");
  }

  @Test
  void occupancyDownIsUnavailable() {
    occupancyAnswers(aResponse().withStatus(503));
    http.post(job + "/accept", driverToken);

    ServiceHttp.Response down = http.get(job + "/pickup", driverToken);

    assertProblem(down, 503);
    assertThat(down.json().path("detail").asString()).isEqualTo("address service unavailable, try again");
    assertThat(auditOf(jobId(placement))).containsExactly("PICKUP_REQUESTED:OWNER_UNAVAILABLE");
  }

  @Test
  void anAnswerWithoutAUsablePointIsUnavailableAndNotEchoed() {
    occupancyAnswers(okJson("{\"lat\":\"" + FOUND_LAT + "\",\"lon\":999}"));
    http.post(job + "/accept", driverToken);

    ServiceHttp.Response malformed = http.get(job + "/pickup", driverToken);

    assertProblem(malformed, 503);
    assertThat(malformed.body()).doesNotContain(String.valueOf(FOUND_LAT));
  }

  private void occupancyAnswers(ResponseDefinitionBuilder answer) {
    OUTSIDE.stubFor(get(urlPathMatching("/internal/placements/.*/pickup-point")).willReturn(answer));
  }
}
