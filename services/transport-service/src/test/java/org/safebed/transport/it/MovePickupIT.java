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
import tools.jackson.databind.JsonNode;

/**
 * Issue 5: the driver of a move learns where to collect her (her shelter) just in time, from shelter
 * occupancy, as transport, within the same window as the destination; nobody else. (A pick-up's
 * starting point: {@link PickupPointIT}.)
 */
@ExtendWith(OutputCaptureExtension.class)
class MovePickupIT extends TransportScenario {

  /** Synthetic, and distinctive enough to be found anywhere it should not be. */
  private static final String SHELTER_ADDRESS = "9 Impasse des Hirondelles Grises, 75097 Fictiville";

  @Autowired private ServiceAccessToken serviceToken;
  private String placement;
  private String referral;
  private String mover;
  private String moverToken;
  private String job;

  @BeforeEach
  void anOfferedMove() {
    serviceToken.discard();
    OUTSIDE.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(okJson("{\"access_token\":\"t-move\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    placement = deliveredAndCheckedIn();
    driver("drv-mover-" + suffix(), 48.851, 2.401, true);
    referral = "ref-" + suffix();
    tenancyStarted(referral, placement, today());
    JsonNode offered = awaitJobById(moveId(referral), "OFFERED");
    mover = offered.path("driverId").asString();
    moverToken = TestTokens.driver(mover);
    job = "/api/transport/jobs/" + moveId(referral);
  }

  @Test
  void theAcceptedMoverGetsTheShelterAddressAskedOfOccupancyAsTransport(CapturedOutput output) {
    occupancyAnswers(okJson("{\"address\":\"" + SHELTER_ADDRESS + "\"}"));
    http.post(job + "/accept", moverToken);

    ServiceHttp.Response pickup = http.get(job + "/pickup", moverToken);

    assertThat(pickup.status()).as(pickup.toString()).isEqualTo(200);
    assertThat(pickup.json().path("address").asString()).isEqualTo(SHELTER_ADDRESS);
    assertThat(pickup.header("Cache-Control")).contains("no-store");
    OUTSIDE.verify(
        getRequestedFor(urlEqualTo("/internal/placements/" + placement + "/move-origin"))
            .withHeader("Authorization", equalTo("Bearer t-move"))
            .withHeader("X-On-Behalf-Of", equalTo(mover))
            .withHeader("X-Transport-Job", equalTo(moveId(referral))));
    assertThat(auditOf(moveId(referral))).containsExactly("PICKUP_REQUESTED:GRANTED");
    assertThat(everythingStored(moveId(referral))).doesNotContain(SHELTER_ADDRESS).doesNotContain("Hirondelles");
    assertThat(output.getAll()).doesNotContain(SHELTER_ADDRESS).doesNotContain("Hirondelles");
  }

  @Test
  void onlyFromAcceptanceUntilAGraceAfterDelivery() {
    occupancyAnswers(okJson("{\"address\":\"" + SHELTER_ADDRESS + "\"}"));

    assertProblem(http.get(job + "/pickup", moverToken), 403);
    http.post(job + "/accept", moverToken);
    http.post(job + "/pick-up", moverToken);
    http.post(job + "/deliver", moverToken);
    assertThat(http.get(job + "/pickup", moverToken).status()).as("just delivered").isEqualTo(200);
    clock.advance(GRACE.plusSeconds(1));
    assertProblem(http.get(job + "/pickup", moverToken), 403);

    OUTSIDE.verify(1, getRequestedFor(urlPathMatching("/internal/placements/.*/move-origin")));
    assertThat(auditOf(moveId(referral)))
        .containsExactly("PICKUP_REQUESTED:DENIED", "PICKUP_REQUESTED:GRANTED", "PICKUP_REQUESTED:DENIED");
  }

  @Test
  void anotherDriverDoesNotSeeTheJobAtAll() {
    occupancyAnswers(okJson("{\"address\":\"" + SHELTER_ADDRESS + "\"}"));
    http.post(job + "/accept", moverToken);

    assertProblem(http.get(job + "/pickup", TestTokens.driver("someone-else")), 404);
    assertProblem(http.get(job + "/pickup", coordinator), 403);
    OUTSIDE.verify(0, getRequestedFor(urlPathMatching("/internal/.*")));
  }

  @Test
  void occupancysRefusalIsPassedOn() {
    occupancyAnswers(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
        .withBody("{\"status\":403,\"detail\":\"not disclosed\"}"));
    http.post(job + "/accept", moverToken);

    assertProblem(http.get(job + "/pickup", moverToken), 403);
    OUTSIDE.verify(1, getRequestedFor(urlPathMatching("/internal/.*")));
    assertThat(auditOf(moveId(referral))).containsExactly("PICKUP_REQUESTED:REFUSED_BY_OWNER");
  }

  @Test
  void occupancyDownIsUnavailable() {
    occupancyAnswers(aResponse().withStatus(503));
    http.post(job + "/accept", moverToken);

    ServiceHttp.Response down = http.get(job + "/pickup", moverToken);

    assertProblem(down, 503);
    assertThat(down.json().path("detail").asString()).isEqualTo("address service unavailable, try again");
    assertThat(auditOf(moveId(referral))).containsExactly("PICKUP_REQUESTED:OWNER_UNAVAILABLE");
  }

  private void occupancyAnswers(ResponseDefinitionBuilder answer) {
    OUTSIDE.stubFor(get(urlPathMatching("/internal/placements/.*/move-origin")).willReturn(answer));
  }
}
