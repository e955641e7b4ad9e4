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
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
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
        .as("the pick-up and the move are announced, each with its kind")
        .extracting(event -> event.path("data").path("kind").asString() + ":" + event.path("data").path("jobId").asString())
        .containsExactlyInAnyOrder("PICKUP:" + jobId(placement), "MOVE:" + moveId(referral));
  }

  @Test
  void theMoversDestinationIsTheUnitFetchedFromRentalReferral() {
    String placement = deliveredAndCheckedIn();
    driver("drv-unit-" + suffix(), 48.851, 2.401, true);
    String referral = "ref-" + suffix();
    tenancyStarted(referral, placement, today());
    JsonNode offered = awaitJobById(moveId(referral), "OFFERED");
    String moverToken = TestTokens.driver(offered.path("driverId").asString());
    OUTSIDE.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(okJson("{\"access_token\":\"t-move\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    OUTSIDE.stubFor(get(urlPathMatching("/internal/referrals/.*/destination")).willReturn(okJson("{\"address\":\"" + UNIT_ADDRESS + "\"}")));
    String job = "/api/transport/jobs/" + moveId(referral);

    assertProblem(http.get(job + "/destination", moverToken), 403); // not accepted yet
    http.post(job + "/accept", moverToken);
    ServiceHttp.Response destination = http.get(job + "/destination", moverToken);

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
}
