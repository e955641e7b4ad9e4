package org.safebed.transport.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
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
 * The destination reaches the assigned driver only, only while it is needed, fetched from its owner
 * at that moment with transport's own token, and leaves no trace in transport's storage or logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class DestinationDisclosureIT extends TransportScenario {

  /** Synthetic, and distinctive enough to be found anywhere it should not be. */
  private static final String ADDRESS = "17 Rue des Lanternes Vertes, 75099 Fictiville";
  private static final String SERVICE_TOKEN = "svc-token-for-transport";

  @Autowired private ServiceAccessToken serviceToken;
  private String driverToken;
  private String placement;
  private String job;

  @BeforeEach
  void anOfferedJob() {
    serviceToken.discard(); // each test sees transport ask for its token
    driver("drv-disclose", 48.87, 2.36, true);
    driverToken = TestTokens.driver("drv-disclose");
    placement = newPlacementId();
    job = "/api/transport/jobs/" + jobId(placement);
    OUTSIDE.stubFor(
        post(urlEqualTo("/oauth2/token"))
            .willReturn(okJson("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
  }

  @Test
  void theAcceptedDriverGetsTheAddressFetchedJustInTimeAsTransport(CapturedOutput output) {
    ownerAnswers(okJson("{\"address\":\"" + ADDRESS + "\",\"shelterCode\":\"ALPHA\"}"));
    http.post(job + "/accept", driverToken);

    ServiceHttp.Response destination = http.get(job + "/destination", driverToken);

    assertThat(destination.status()).as(destination.toString()).isEqualTo(200);
    assertThat(destination.json().path("address").asString()).isEqualTo(ADDRESS);
    assertThat(destination.header("Cache-Control")).contains("no-store");
    OUTSIDE.verify(
        getRequestedFor(urlEqualTo("/internal/placements/" + placement + "/destination"))
            .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
            .withHeader("X-On-Behalf-Of", equalTo("drv-disclose"))
            .withHeader("X-Transport-Job", equalTo(jobId(placement))));
    OUTSIDE.verify(
        postRequestedFor(urlEqualTo("/oauth2/token"))
            .withRequestBody(containing("grant_type=client_credentials"))
            .withHeader("Authorization", equalTo("Basic " + basic("transport-service", "test-secret"))));

    assertThat(everythingStored()).doesNotContain(ADDRESS).doesNotContain("Lanternes");
    assertThat(output.getAll()).doesNotContain(ADDRESS).doesNotContain("Lanternes").doesNotContain(SERVICE_TOKEN);
    assertThat(auditOutcomes()).contains("GRANTED");
  }

  @Test
  void everyRequestAsksTheOwnerAgainButTheServiceTokenIsReused() {
    ownerAnswers(okJson("{\"address\":\"" + ADDRESS + "\"}"));
    http.post(job + "/accept", driverToken);

    http.get(job + "/destination", driverToken);
    http.get(job + "/destination", driverToken);

    OUTSIDE.verify(2, getRequestedFor(urlPathMatching("/internal/placements/.*/destination")));
    OUTSIDE.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
  }

  @Test
  void notBeforeTheDriverAccepted() {
    ownerAnswers(okJson("{\"address\":\"" + ADDRESS + "\"}"));

    ServiceHttp.Response early = http.get(job + "/destination", driverToken);

    assertProblem(early, 403);
    assertThat(early.body()).doesNotContain(ADDRESS);
    OUTSIDE.verify(0, getRequestedFor(urlPathMatching("/internal/.*")));
    assertThat(auditOutcomes()).contains("DENIED");
  }

  @Test
  void whilePickedUpAndForAGraceAfterDeliveryThenNoMore() {
    ownerAnswers(okJson("{\"address\":\"" + ADDRESS + "\"}"));
    http.post(job + "/accept", driverToken);
    http.post(job + "/pick-up", driverToken);
    assertThat(http.get(job + "/destination", driverToken).status()).isEqualTo(200);
    http.post(job + "/deliver", driverToken);
    assertThat(http.get(job + "/destination", driverToken).status()).as("just delivered").isEqualTo(200);

    clock.advance(GRACE.plusSeconds(1));

    assertProblem(http.get(job + "/destination", driverToken), 403);
  }

  @Test
  void notForACancelledJob() {
    ownerAnswers(okJson("{\"address\":\"" + ADDRESS + "\"}"));
    http.post(job + "/accept", driverToken);
    placementEvent("placement.cancelled.v1", placement);
    awaitJob(placement, "CANCELLED");

    assertProblem(http.get(job + "/destination", driverToken), 403);
  }

  @Test
  void theOwnersRefusalIsPassedOn() {
    ownerAnswers(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
        .withBody("{\"status\":403,\"detail\":\"placement not active\"}"));
    http.post(job + "/accept", driverToken);

    ServiceHttp.Response refused = http.get(job + "/destination", driverToken);

    assertProblem(refused, 403);
    OUTSIDE.verify(1, getRequestedFor(urlPathMatching("/internal/.*"))); // a refusal is not retried
    assertThat(auditOutcomes()).contains("REFUSED_BY_OWNER");
  }

  @Test
  void anOwnerThatFailsIsUnavailableNeverAStaleCopy() {
    ownerAnswers(okJson("{\"address\":\"" + ADDRESS + "\"}"));
    http.post(job + "/accept", driverToken);
    assertThat(http.get(job + "/destination", driverToken).status()).isEqualTo(200);

    ownerAnswers(aResponse().withStatus(503));
    ServiceHttp.Response down = http.get(job + "/destination", driverToken);

    assertProblem(down, 503);
    assertThat(down.json().path("detail").asString()).isEqualTo("address service unavailable, try again");
    assertThat(down.body()).doesNotContain(ADDRESS);
    OUTSIDE.verify(1 + 2, getRequestedFor(urlPathMatching("/internal/.*"))); // 5xx retried once
  }

  @Test
  void aSlowOwnerIsUnavailable() {
    ownerAnswers(okJson("{\"address\":\"" + ADDRESS + "\"}").withFixedDelay(4_000));
    http.post(job + "/accept", driverToken);

    long started = System.nanoTime();
    ServiceHttp.Response slow = http.get(job + "/destination", driverToken);

    assertProblem(slow, 503);
    assertThat(slow.body()).doesNotContain(ADDRESS);
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_500);
  }

  @Test
  void anOwnerThatCannotBeReachedIsUnavailable() {
    OUTSIDE.stubFor(
        get(urlPathMatching("/internal/.*"))
            .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    http.post(job + "/accept", driverToken);

    assertProblem(http.get(job + "/destination", driverToken), 503);
    assertThat(auditOutcomes()).contains("OWNER_UNAVAILABLE");
  }

  @Test
  void anAnswerWithoutAnAddressIsUnavailable() {
    ownerAnswers(okJson("{\"shelterCode\":\"ALPHA\"}"));
    http.post(job + "/accept", driverToken);

    assertProblem(http.get(job + "/destination", driverToken), 503);
  }

  @Test
  void withoutAServiceTokenTheOwnerIsNotAskedAtAll() {
    OUTSIDE.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(500)));
    ownerAnswers(okJson("{\"address\":\"" + ADDRESS + "\"}"));
    http.post(job + "/accept", driverToken);

    assertProblem(http.get(job + "/destination", driverToken), 503);
    OUTSIDE.verify(0, getRequestedFor(urlPathMatching("/internal/.*")));
  }

  @Test
  void aRejectedServiceTokenIsReplacedOnTheNextRequest() {
    OUTSIDE.stubFor(
        get(urlPathMatching("/internal/.*")).inScenario("token").whenScenarioStateIs("Started")
            .willReturn(aResponse().withStatus(401)).willSetStateTo("new token"));
    OUTSIDE.stubFor(
        get(urlPathMatching("/internal/.*")).inScenario("token").whenScenarioStateIs("new token")
            .willReturn(okJson("{\"address\":\"" + ADDRESS + "\"}")));
    http.post(job + "/accept", driverToken);

    assertProblem(http.get(job + "/destination", driverToken), 503);
    assertThat(http.get(job + "/destination", driverToken).status()).isEqualTo(200);
    OUTSIDE.verify(postRequestedFor(urlEqualTo("/oauth2/token")));
  }

  private void ownerAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
    OUTSIDE.stubFor(get(urlPathMatching("/internal/placements/.*/destination")).willReturn(answer));
  }

  private List<String> auditOutcomes() {
    List<String> outcomes = new ArrayList<>();
    for (Document entry : mongo.getCollection("audit_log").find(new Document("recordId", jobId(placement)))) {
      outcomes.add(entry.getString("outcome"));
    }
    return outcomes;
  }

  /** Every document of every collection of transport's database, as JSON. */
  private String everythingStored() {
    StringBuilder all = new StringBuilder();
    for (String collection : mongo.getCollectionNames()) {
      for (Document document : mongo.getCollection(collection).find()) {
        all.append(document.toJson()).append('\n');
      }
    }
    assertThat(all).as("the scan sees the job").contains(jobId(placement));
    return all.toString();
  }

  private static String basic(String id, String secret) {
    return java.util.Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
