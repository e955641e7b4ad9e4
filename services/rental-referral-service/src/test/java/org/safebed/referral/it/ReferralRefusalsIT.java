package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.safebed.platform.testing.TestTokens;

/** Every refusal: no or bad token, wrong role, foreign or unknown ids, wrong state, bad input, unsafe unit. */
class ReferralRefusalsIT extends ServiceIT {

  private long referralCount() {
    return mongo.getCollection("referrals").countDocuments();
  }

  private long unitCount() {
    return mongo.getCollection("rental_units").countDocuments();
  }

  @Test
  void missingOrInvalidTokensAre401ProblemJson() {
    String referralId = openReferral();
    List<String> invalid =
        List.of(
            TestTokens.token().subject("o").roles("HOUSING_OFFICER").claim("agency_id", agency).audiences("safebed-transport").sign(),
            TestTokens.token().subject("o").roles("HOUSING_OFFICER").claim("agency_id", agency)
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).lifetime(Duration.ofMinutes(10)).sign(),
            TestTokens.token().subject("o").roles("HOUSING_OFFICER").claim("agency_id", agency).signedByStranger().sign(),
            TestTokens.token().subject("o").roles("HOUSING_OFFICER").claim("agency_id", agency).issuer("https://evil.example").sign(),
            "not-a-jwt");
    assertProblem(api.get("/api/referrals/" + referralId, null), 401);
    assertProblem(api.get("/api/rental-units", null), 401);
    assertProblem(api.post("/api/referrals", null, Map.of("placementId", "p-1")), 401);
    for (String token : invalid) {
      assertProblem(api.get("/api/referrals/" + referralId, token), 401);
      assertProblem(api.post("/api/referrals/" + referralId + "/accept", token, null), 401);
    }
  }

  @Test
  void aRepeatedKeyAControlCharacterOrARepeatedSetItemIsRefusedAndNothingIsStored() {
    long before = unitCount();
    Map<String, Object> valid = unitBody("central", CENTRAL_LAT, CENTRAL_LON, addressFor("strict"), "YOUNG_ADULT", "WITH_CHILD");
    Map<String, Object> twice = new LinkedHashMap<>(valid);
    twice.put("suitableFor", List.of("YOUNG_ADULT", "YOUNG_ADULT"));
    Map<String, Object> nul = new LinkedHashMap<>(valid);
    nul.put("address", "12 Rue Cachee\u0000, Ville-Test");
    Map<String, Object> escape = new LinkedHashMap<>(valid);
    escape.put("address", "12 Rue Cachee\u001b[2K, Ville-Test");
    for (Map<String, Object> body : List.of(twice, nul, escape)) {
      assertProblem(api.post("/api/rental-units", officer, body), 400);
    }
    String json = ServiceHttp.JSON.writeValueAsString(valid);
    assertProblem(api.post("/api/rental-units", officer,
        json.replaceFirst("\\{", "{\"bedrooms\":3,")), 400);
    assertThat(unitCount()).isEqualTo(before);
  }

  @Test
  void otherRolesMayNotTouchUnitsNorChangeReferrals() {
    String unitId = unit();
    String referralId = openReferral();
    List<String> others =
        List.of(
            TestTokens.police("police-1"),
            TestTokens.driver("driver-1"),
            TestTokens.shelterManager("manager-1", "shelter-1"),
            TestTokens.service("transport-service"),
            TestTokens.coordinator("coordinator-1"));
    for (String token : others) {
      assertProblem(api.get("/api/rental-units", token), 403);
      assertProblem(api.get("/api/rental-units/" + unitId, token), 403);
      assertProblem(api.post("/api/rental-units", token, unitBody("central", 49, 2.3, addressFor("x"))), 403);
      assertProblem(api.post("/api/referrals", token, Map.of("placementId", "placement-x")), 403);
      assertProblem(api.get("/api/referrals/" + referralId + "/matches", token), 403);
      assertProblem(api.post("/api/referrals/" + referralId + "/offers", token, Map.of("unitId", unitId)), 403);
      assertProblem(api.post("/api/referrals/" + referralId + "/accept", token, null), 403);
      assertProblem(api.post("/api/referrals/" + referralId + "/decline", token, Map.of("reason", "OTHER")), 403);
      assertProblem(api.post("/api/referrals/" + referralId + "/move-in", token, Map.of("moveInDate", today(3))), 403);
    }
    for (String token : others.subList(0, 4)) {
      assertProblem(api.get("/api/referrals/" + referralId, token), 403);
      assertProblem(api.get("/api/referrals", token), 403);
    }
    assertThat(unitStatus(unitId)).isEqualTo("AVAILABLE");
  }

  @Test
  void aCoordinatorReadsEveryAgencysReferralsButNoUnits() {
    String referralId = openReferral();
    String coordinator = TestTokens.coordinator("coordinator-1");
    Response read = api.get("/api/referrals/" + referralId, coordinator);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text("agencyId")).isEqualTo(agency);
    Response list = api.get("/api/referrals?limit=200", coordinator);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().valueStream().map(r -> r.path("id").asString())).contains(referralId);
  }

  @Test
  void anotherAgencysUnitsAndReferralsAnswer404() {
    String unitId = unit();
    String referralId = openReferral();
    String offeredId = offeredReferral(unit());
    String stranger = TestTokens.housingOfficer("officer-other", "agency-other-" + shortId());

    assertProblem(api.get("/api/rental-units/" + unitId, stranger), 404);
    assertThat(api.get("/api/rental-units", stranger).json().valueStream().map(u -> u.path("id").asString()))
        .doesNotContain(unitId);
    assertProblem(api.get("/api/referrals/" + referralId, stranger), 404);
    assertThat(api.get("/api/referrals", stranger).json().valueStream().map(r -> r.path("id").asString()))
        .doesNotContain(referralId, offeredId);
    assertProblem(api.get("/api/referrals/" + referralId + "/matches", stranger), 404);
    assertProblem(api.post("/api/referrals/" + referralId + "/offers", stranger, Map.of("unitId", unitId)), 404);
    assertProblem(api.post("/api/referrals/" + offeredId + "/accept", stranger, null), 404);
    assertProblem(api.post("/api/referrals/" + offeredId + "/decline", stranger, Map.of("reason", "OTHER")), 404);
    assertProblem(api.post("/api/referrals/" + offeredId + "/move-in", stranger, Map.of("moveInDate", today(3))), 404);

    // Nor may an officer offer or refer to a unit of another agency.
    String strangersUnit =
        api.post("/api/rental-units", stranger, unitBody("central", CENTRAL_LAT + 0.3, CENTRAL_LON, addressFor("s"))).text("id");
    assertProblem(api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", strangersUnit)), 404);
    assertProblem(refer(checkedIn(), strangersUnit), 404);
    assertThat(unitStatus(strangersUnit)).isEqualTo("AVAILABLE");
    assertThat(api.get("/api/referrals/" + offeredId, officer).text("status")).isEqualTo("OFFERED");
  }

  @Test
  void anOfficerWithoutAnAgencyMayDoNothing() {
    String noAgency = TestTokens.token().subject("officer-x").roles("HOUSING_OFFICER").sign();
    assertProblem(api.get("/api/rental-units", noAgency), 403);
    assertProblem(api.get("/api/referrals", noAgency), 403);
    assertProblem(api.post("/api/referrals", noAgency, Map.of("placementId", checkedIn())), 403);
  }

  @Test
  void unknownIdsAnswer404() {
    assertProblem(api.get("/api/referrals/ref-unknown", officer), 404);
    assertProblem(api.get("/api/rental-units/unit-unknown", officer), 404);
    assertProblem(api.post("/api/referrals/ref-unknown/accept", officer, null), 404);
    assertProblem(api.post("/api/referrals/ref-unknown/decline", officer, Map.of("reason", "OTHER")), 404);
    assertProblem(api.post("/api/referrals/ref-unknown/move-in", officer, Map.of("moveInDate", today(1))), 404);
    assertProblem(api.post("/api/referrals/ref-unknown/offers", officer, Map.of("unitId", unit())), 404);
    assertProblem(api.get("/api/referrals/ref-unknown/matches", officer), 404);
    String referralId = openReferral();
    assertProblem(api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", "unit-unknown")), 404);
    long before = referralCount();
    assertProblem(refer("placement-never-seen-" + shortId(), null), 404);
    assertThat(referralCount()).isEqualTo(before);
  }

  @Test
  void stepsInTheWrongStateAre409AndChangeNothing() {
    String open = openReferral();
    assertProblem(api.post("/api/referrals/" + open + "/accept", officer, null), 409);
    assertProblem(api.post("/api/referrals/" + open + "/decline", officer, Map.of("reason", "OTHER")), 409);
    assertProblem(api.post("/api/referrals/" + open + "/move-in", officer, Map.of("moveInDate", today(3))), 409);

    String unitId = unit();
    String offered = offeredReferral(unitId);
    assertProblem(api.post("/api/referrals/" + offered + "/move-in", officer, Map.of("moveInDate", today(3))), 409);
    assertProblem(api.post("/api/referrals/" + offered + "/offers", officer, Map.of("unitId", unit())), 409);

    assertThat(api.post("/api/referrals/" + offered + "/accept", officer, null).status()).isEqualTo(200);
    assertThat(api.post("/api/referrals/" + offered + "/accept", officer, null).text("status")).isEqualTo("ACCEPTED");
    assertThat(api.post("/api/referrals/" + offered + "/move-in", officer, Map.of("moveInDate", today(3))).status()).isEqualTo(200);
    assertProblem(api.post("/api/referrals/" + offered + "/move-in", officer, Map.of("moveInDate", today(4))), 409);
    assertProblem(api.post("/api/referrals/" + offered + "/decline", officer, Map.of("reason", "OTHER")), 409);
    assertProblem(api.post("/api/referrals/" + offered + "/accept", officer, null), 409);
    assertProblem(api.get("/api/referrals/" + offered + "/matches", officer), 409);
    assertThat(unitStatus(unitId)).isEqualTo("LET");
  }

  @Test
  void oneActiveReferralPerResident() {
    String placementId = checkedIn();
    assertThat(refer(placementId, null).status()).isEqualTo(201);
    String unitId = unit();
    assertProblem(refer(placementId, null), 409);
    assertProblem(refer(placementId, unitId), 409);
    assertThat(unitStatus(unitId)).isEqualTo("AVAILABLE");
  }

  @Test
  void aTakenUnitCannotBeOfferedAgain() {
    String unitId = unit();
    offeredReferral(unitId);
    String placementId = checkedIn();
    assertProblem(refer(placementId, unitId), 409);
    assertProblem(api.post("/api/referrals/" + openReferral() + "/offers", officer, Map.of("unitId", unitId)), 409);
    // Nothing half-done: the refused referral was not stored.
    assertThat(mongo.getCollection("referrals").countDocuments(new Document("placementId", placementId))).isZero();
  }

  @Test
  void aUnitInsideAnExclusionZoneOrUnsuitableIs422() {
    String insideZone = unit("central", 3);
    long before = referralCount();
    Response refused = refer(checkedIn(), insideZone);
    assertProblem(refused, 422);
    assertThat(refused.json().path("detail").asString()).contains("kept away from").doesNotContain("exclusion zone");
    assertThat(referralCount()).isEqualTo(before);
    assertThat(unitStatus(insideZone)).isEqualTo("AVAILABLE");

    String referralId = openReferral();
    assertProblem(api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", insideZone)), 422);
    Response familyOnly =
        api.post("/api/rental-units", officer,
            unitBody("central", CENTRAL_LAT + 0.3, CENTRAL_LON, addressFor("f"), "WITH_CHILD"));
    assertProblem(
        api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", familyOnly.text("id"))), 422);
    assertThat(api.get("/api/referrals/" + referralId, officer).text("status")).isEqualTo("OPEN");
    assertThat(unitStatus(insideZone)).isEqualTo("AVAILABLE");
  }

  @Test
  void aResidentWhoCheckedOutCannotBeReferred() {
    String placementId = checkedIn();
    events.publish(CHECKED_OUT, placementId, Map.of("placementId", placementId, "reason", "LEFT"));
    await(() -> "CHECKED_OUT".equals(residentStatus(placementId)), "check-out applied");
    Response refused = refer(placementId, null);
    assertProblem(refused, 409);
    assertThat(refused.json().path("detail").asString()).isEqualTo("resident not checked in");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "[]",
        "{}",
        "{\"placementId\": \"\"}",
        "{\"placementId\": \"has spaces\"}",
        "{\"placementId\": \"p-1\", \"surprise\": true}",
        "{\"placementId\": \"p-1\", \"priority\": \"URGENT\"}",
        "{\"placementId\": \"p-1\", \"needs\": [\"PONY\"]}",
        "{\"placementId\": \"p-1\", \"exclusionZones\": [{\"lat\": 95, \"lon\": 2, \"radiusKm\": 3}]}",
        "{\"placementId\": \"p-1\", \"exclusionZones\": [{\"lat\": 48, \"lon\": 2, \"radiusKm\": 0}]}",
        "{\"placementId\": \"p-1\", \"exclusionZones\": [{\"lat\": 48, \"lon\": 2}]}",
        "{\"placementId\": \"p-1\", \"exclusionZones\": [{\"lat\": 48, \"lon\": 2, \"radiusKm\": 3, \"note\": \"x\"}]}",
        "{\"placementId\": \"p-1\", \"keepApartRefs\": [\"semi;colon\"]}",
        "{\"placementId\": \"p-1\", \"preferredRegions\": [\"Central Paris\"]}",
        "{\"placementId\": \"p-1\", \"unitId\": {\"id\": 1}}"
      })
  void badReferralInputIs400ProblemJsonAndWritesNothing(String body) {
    long before = referralCount();
    assertProblem(api.post("/api/referrals", officer, body), 400);
    assertThat(referralCount()).isEqualTo(before);
  }

  @Test
  void badUnitAndCommandInputIs400AndWritesNothing() {
    long units = unitCount();
    Map<String, Object> noAddress = new LinkedHashMap<>(unitBody("central", 48.9, 2.3, "x"));
    noAddress.remove("address");
    Map<String, Object> negativeRent = new LinkedHashMap<>(unitBody("central", 48.9, 2.3, addressFor("n")));
    negativeRent.put("monthlyRent", -1);
    Map<String, Object> badLocation = new LinkedHashMap<>(unitBody("central", 48.9, 2.3, addressFor("n")));
    badLocation.put("location", Map.of("lat", 48.9));
    Map<String, Object> noSuitability = new LinkedHashMap<>(unitBody("central", 48.9, 2.3, addressFor("n")));
    noSuitability.put("suitableFor", List.of());
    for (Object body : List.of(noAddress, negativeRent, badLocation, noSuitability, "{\"region\": }")) {
      assertProblem(api.post("/api/rental-units", officer, body), 400);
    }
    assertThat(unitCount()).isEqualTo(units);

    String unitId = unit();
    String offered = offeredReferral(unitId);
    assertProblem(api.post("/api/referrals/" + offered + "/decline", officer, Map.of("reason", "BORED")), 400);
    assertProblem(api.post("/api/referrals/" + offered + "/decline", officer, Map.of()), 400);
    assertProblem(api.post("/api/referrals/" + offered + "/move-in", officer, Map.of("moveInDate", "next tuesday")), 400);
    assertProblem(api.post("/api/referrals/" + offered + "/offers", officer, Map.of()), 400);
    assertProblem(api.get("/api/referrals?limit=0", officer), 400);
    assertProblem(api.get("/api/referrals?status=LOST", officer), 400);
    assertProblem(api.get("/api/referrals/bad%20id", officer), 400);
    assertThat(api.get("/api/referrals/" + offered, officer).text("status")).isEqualTo("OFFERED");
    assertThat(unitStatus(unitId)).isEqualTo("RESERVED");
  }

  @Test
  void aMoveInDateFarFromTodayIs422() {
    String accepted = acceptedReferral(unit());
    assertProblem(api.post("/api/referrals/" + accepted + "/move-in", officer, Map.of("moveInDate", today(400))), 422);
    assertThat(api.get("/api/referrals/" + accepted, officer).text("status")).isEqualTo("ACCEPTED");
  }

  @Test
  void oversizedBodiesAre413() {
    String huge = "{\"placementId\": \"" + "a".repeat(70_000) + "\"}";
    assertProblem(api.post("/api/referrals", officer, huge), 413);
  }
}
