package org.safebed.referral.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.ServiceHttp.Response;

/**
 * A referral carries over the exclusion zones and keep-apart tokens police gave with her placement
 * (read from shelter occupancy, stubbed here), adds them to the officer's own, and is not made when
 * occupancy refuses or cannot answer.
 */
class SafetyCarriedOverIT extends ServiceIT {

  private static String constraintsOf(String placementId) {
    return "/internal/placements/" + placementId + "/safety-constraints";
  }

  private void occupancyAnswers(String placementId, ResponseDefinitionBuilder answer) {
    OCCUPANCY.stubFor(post(urlEqualTo(constraintsOf(placementId))).atPriority(1).willReturn(answer));
  }

  /** A zone of her placement around the unit 20 km north of the centre. */
  private static String zoneAroundTheUnit() {
    return """
        {"caseToken": "ct-carried", "keepApartTokens": ["ka-token-carried", "ka-token-of-the-officers-ref"],
         "exclusionZones": [{"lat": %s, "lon": %s, "radiusKm": 3}]}"""
        .formatted(CENTRAL_LAT + 20 / 111.195, CENTRAL_LON);
  }

  private Response referWithoutConstraintsOfTheOfficer(String placementId, String unitId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("placementId", placementId);
    if (unitId != null) {
      body.put("unitId", unitId);
    }
    body.put("needs", List.of("YOUNG_ADULT"));
    return api.post("/api/referrals", officer, body);
  }

  private long referralsFor(String placementId) {
    return mongo.getCollection("referrals").countDocuments(new Document("placementId", placementId));
  }

  @Test
  void theZonesOfHerPlacementKeepAUnitInsideThemFromBeingOffered() {
    String placement = checkedIn();
    String insideHerZone = unit("central", 20);
    occupancyAnswers(placement, okJson(zoneAroundTheUnit()));

    Response refused = referWithoutConstraintsOfTheOfficer(placement, insideHerZone);

    assertProblem(refused, 422);
    assertThat(referralsFor(placement)).isZero();
    assertThat(unitStatus(insideHerZone)).isEqualTo("AVAILABLE");
    OCCUPANCY.verify(postRequestedFor(urlEqualTo(constraintsOf(placement)))
        .withHeader("Authorization", equalTo("Bearer referral-service-token"))
        .withHeader("X-On-Behalf-Of", equalTo(officerSubject)));
  }

  @Test
  void theOfficersConstraintsAndThePlacementsAreKeptTogetherSealedAndNeverShown() {
    String placement = checkedIn();
    String insideHerZone = unit("central", 20);
    String farAway = unit("central", 60);
    occupancyAnswers(placement, okJson(zoneAroundTheUnit()));

    Response created = refer(placement, null); // the officer's own zone (centre, 5 km) and reference

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("exclusionZoneCount").asInt()).isEqualTo(2);
    assertThat(created.json().path("keepApartRefCount").asInt()).isEqualTo(2);
    assertThat(created.body()).doesNotContain("ka-token-carried").doesNotContain("ct-carried");
    // The officer's reference went to occupancy in the body, to be tokenised; it is never stored.
    List<LoggedRequest> asked = OCCUPANCY.findAll(postRequestedFor(urlEqualTo(constraintsOf(placement))));
    assertThat(asked).hasSize(1);
    String officersRef = ServiceHttp.JSON.readTree(asked.getFirst().getBodyAsString()).path("keepApartFrom").path(0).asString();
    assertThat(officersRef).startsWith("ref-");
    String id = created.text("id");
    Document stored = mongo.getCollection("referrals").find(new Document("_id", id)).first();
    assertThat(stored.toJson()).doesNotContain("ka-token-carried").doesNotContain("ct-carried").doesNotContain(officersRef);
    Response matches = api.get("/api/referrals/" + id + "/matches", officer);
    assertThat(matches.status()).as(matches.body()).isEqualTo(200);
    assertThat(matches.body()).contains(farAway).doesNotContain(insideHerZone);
    assertProblem(api.post("/api/referrals/" + id + "/offers", officer, Map.of("unitId", insideHerZone)), 422);
  }

  @Test
  void noReferralIsMadeWhenOccupancyDoesNotConfirmHerOrCannotBeAsked() {
    String notThere = checkedIn();
    occupancyAnswers(notThere, status(403));
    assertProblem(referWithoutConstraintsOfTheOfficer(notThere, null), 409);
    assertThat(referralsFor(notThere)).isZero();

    String unreachable = checkedIn();
    String unit = unit();
    occupancyAnswers(unreachable, serverError());
    Response unavailable = referWithoutConstraintsOfTheOfficer(unreachable, unit);
    assertProblem(unavailable, 503);
    assertThat(unavailable.header("Retry-After")).isEqualTo("5");
    assertThat(unavailable.body()).doesNotContain(unreachable);
    assertThat(referralsFor(unreachable)).isZero();
    assertThat(unitStatus(unit)).isEqualTo("AVAILABLE");

    occupancyAnswers(unreachable, okJson("{\"caseToken\": \"ct-later\", \"keepApartTokens\": [], \"exclusionZones\": []}"));
    Response later = referWithoutConstraintsOfTheOfficer(unreachable, unit);
    assertThat(later.status()).as(later.body()).isEqualTo(201);
  }

  @Test
  void noUnitNearTheHomeOfSomeoneSheMustBeKeptApartFromIsOffered() {
    String herToken = "ct-tenant-" + shortId();
    String tenant = checkedIn();
    occupancyAnswers(tenant, okJson("{\"caseToken\": \"%s\", \"keepApartTokens\": [], \"exclusionZones\": []}"
        .formatted(herToken)));
    String tenantsHome = unit("central", 20);
    Response tenantsReferral = referWithoutConstraintsOfTheOfficer(tenant, tenantsHome);
    assertThat(tenantsReferral.status()).as(tenantsReferral.body()).isEqualTo(201);
    String tenancy = "/api/referrals/" + tenantsReferral.text("id");
    assertThat(api.post(tenancy + "/accept", officer, null).status()).isEqualTo(200);
    assertThat(api.post(tenancy + "/move-in", officer, Map.of("moveInDate", today(0))).status()).isEqualTo(200);
    assertThat(unitDocument(tenantsHome).getString("tenantCaseToken")).isEqualTo(herToken);

    String nextDoor = unit("central", 21); // 1 km from her home, inside the 2 km keep-apart radius
    String farAway = unit("central", 60);
    String resident = checkedIn();
    occupancyAnswers(resident, okJson(
        "{\"caseToken\": \"ct-other\", \"keepApartTokens\": [\"%s\"], \"exclusionZones\": []}".formatted(herToken)));
    Response created = referWithoutConstraintsOfTheOfficer(resident, null);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String referral = "/api/referrals/" + created.text("id");

    Response matches = api.get(referral + "/matches?limit=50", officer);
    assertThat(matches.status()).as(matches.body()).isEqualTo(200);
    assertThat(matches.body()).contains(farAway).doesNotContain(nextDoor).doesNotContain(herToken);
    Response refused = api.post(referral + "/offers", officer, Map.of("unitId", nextDoor));
    assertProblem(refused, 422);
    assertThat(refused.body()).doesNotContain(herToken).doesNotContain(tenantsHome);
    assertThat(unitStatus(nextDoor)).isEqualTo("AVAILABLE");

    // Someone without that keep-apart token may live next door.
    Response unrelated = referWithoutConstraintsOfTheOfficer(checkedIn(), nextDoor);
    assertThat(unrelated.status()).as(unrelated.body()).isEqualTo(201);
  }
}
