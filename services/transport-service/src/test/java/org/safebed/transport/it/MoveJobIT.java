package org.safebed.transport.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Issue 5: the tenancy books the move from the shelter to the unit for the move-in day. */
class MoveJobIT extends TransportScenario {

  private static final String UNIT_ADDRESS = "4 Allee des Cerisiers Bleus, 75098 Fictiville";

  @Test
  void theTenancyBooksAMoveThatIsOfferedOnTheMoveInDayFromTheShelterArea() {
    String placement = deliveredAndCheckedIn();
    String nearShelter = driver("drv-mover-" + suffix(), 48.851, 2.401, true);
    String referral = "ref-" + suffix();

    tenancyStarted(referral, placement, today().plusDays(2));

    JsonNode booked = awaitJobById(moveId(referral), "SCHEDULED");
    assertThat(booked.path("kind").asString()).isEqualTo("MOVE");
    assertThat(booked.path("referralId").asString()).isEqualTo(referral);
    assertThat(booked.path("placementId").asString()).isEqualTo(placement);
    assertThat(booked.path("dueAt").asString()).startsWith(today().plusDays(2).toString());

    clock.advance(Duration.ofDays(3));

    JsonNode offered = awaitJobById(moveId(referral), "OFFERED");
    String mover = driverDocument(nearShelter).getString("accountSubject");
    assertThat(offered.path("driverId").asString()).isEqualTo(mover);
    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofSeconds(1)))
        .as("only the pick-up was announced")
        .hasSize(1);
  }

  @Test
  void theMoversDestinationIsTheUnitFetchedFromRentalReferral() {
    String placement = deliveredAndCheckedIn();
    driver("drv-unit-" + suffix(), 48.851, 2.401, true);
    String referral = "ref-" + suffix();
    tenancyStarted(referral, placement, today());
    JsonNode offered = awaitJobById(moveId(referral), "OFFERED");
    String moverToken = TestTokens.driver(offered.path("driverId").asString());
    OUTSIDE.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(okJson("{\"access_token\":\"t-move\",\"expires_in\":300}")));
    OUTSIDE.stubFor(get(urlPathMatching("/internal/referrals/.*/destination")).willReturn(okJson("{\"address\":\"" + UNIT_ADDRESS + "\"}")));
    String job = "/api/transport/jobs/" + moveId(referral);

    assertProblem(http.get(job + "/destination", moverToken), 403); // not accepted yet
    http.post(job + "/accept", moverToken);
    Http.Response destination = http.get(job + "/destination", moverToken);

    assertThat(destination.status()).as(destination.toString()).isEqualTo(200);
    assertThat(destination.json().path("address").asString()).isEqualTo(UNIT_ADDRESS);
    OUTSIDE.verify(
        getRequestedFor(urlEqualTo("/internal/referrals/" + referral + "/destination"))
            .withHeader("X-Transport-Job", equalTo(moveId(referral)))
            .withHeader("X-On-Behalf-Of", equalTo(offered.path("driverId").asString())));
    OUTSIDE.verify(0, getRequestedFor(urlPathMatching("/internal/placements/.*")));
  }

  @Test
  void aTenancyThatOvertakesTheBedHeldIsAppliedOnceThePickupIsKnown() {
    driver("drv-early-" + suffix(), 48.87, 2.36, true);
    String placement = newPlacementId();
    String referral = "ref-" + suffix();

    tenancyStarted(referral, placement, today().plusDays(5));
    bedHeld(placement, true);

    awaitJobById(moveId(referral), "SCHEDULED");
  }

  @Test
  void aDuplicateTenancyBooksOneMove() {
    String placement = deliveredAndCheckedIn();
    String referral = "ref-" + suffix();

    tenancyStarted(referral, placement, today().plusDays(2));
    tenancyStarted(referral, placement, today().plusDays(2));
    awaitJobById(moveId(referral), "SCHEDULED");

    assertThat(mongo.getCollection("transport_jobs").countDocuments(new Document("referralId", referral))).isEqualTo(1);
  }

  /** A pick-up completed end to end: its destination area is where the move starts. */
  private String deliveredAndCheckedIn() {
    String pickupDriver = driver("drv-pickup-" + suffix(), 48.87, 2.36, true);
    String token = TestTokens.driver(driverDocument(pickupDriver).getString("accountSubject"));
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    String job = "/api/transport/jobs/" + jobId(placement);
    http.post(job + "/accept", token);
    http.post(job + "/pick-up", token);
    http.post(job + "/deliver", token);
    placementEvent("placement.checked-in.v1", placement);
    awaitJob(placement, "COMPLETED");
    // The pick-up driver goes home: the move must go to whoever is nearest the shelter.
    http.put("/api/transport/drivers/me/availability", token, "{\"onDuty\":false}");
    return placement;
  }

  private void tenancyStarted(String referral, String placement, LocalDate moveInDate) {
    broker.publish(
        "referral.tenancy-started.v1",
        referral,
        Map.of(
            "referralId", referral, "placementId", placement, "unitId", "unit-7",
            "moveInDate", moveInDate.toString(), "region", "central"));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String moveId(String referral) {
    return "move-" + referral;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }
}
