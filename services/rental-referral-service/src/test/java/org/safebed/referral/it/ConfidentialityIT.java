package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.safebed.platform.testing.TestTokens;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * No address, exact unit location, exclusion zone or keep-apart reference in any /api response,
 * and none of them readable in the database.
 */
class ConfidentialityIT extends ServiceIT {

  private static final double UNIT_LAT = 48.98765;
  private static final double UNIT_LON = 2.45678;
  private static final double ZONE_LAT = 48.81234;
  private static final double ZONE_LON = 2.21234;

  @Test
  void noApiResponseEverContainsAnAddressALocationOrASafetyConstraint() {
    String address = addressFor("secret-" + shortId());
    String keepApart = "keep-apart-" + shortId();
    List<Response> responses = new ArrayList<>();

    Response unit = api.post("/api/rental-units", officer, unitBody("central", UNIT_LAT, UNIT_LON, address));
    responses.add(unit);
    String unitId = unit.text("id");
    responses.add(api.get("/api/rental-units", officer));
    responses.add(api.get("/api/rental-units/" + unitId, officer));
    responses.add(api.get("/api/rental-units?status=AVAILABLE&region=central", officer));

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("placementId", checkedIn());
    body.put("needs", List.of("YOUNG_ADULT"));
    body.put("exclusionZones", List.of(Map.of("lat", ZONE_LAT, "lon", ZONE_LON, "radiusKm", 2.5)));
    body.put("keepApartRefs", List.of(keepApart));
    Response referral = api.post("/api/referrals", officer, body);
    assertThat(referral.status()).isEqualTo(201);
    responses.add(referral);
    String referralId = referral.text("id");
    responses.add(api.get("/api/referrals/" + referralId + "/matches", officer));
    responses.add(api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", unitId)));
    responses.add(api.post("/api/referrals/" + referralId + "/accept", officer, null));
    responses.add(api.post("/api/referrals/" + referralId + "/move-in", officer, Map.of("moveInDate", today(1))));
    responses.add(api.get("/api/referrals/" + referralId, officer));
    responses.add(api.get("/api/referrals", officer));
    responses.add(api.get("/api/referrals", TestTokens.coordinator("c-1")));
    responses.add(api.get("/api/referrals/" + referralId, TestTokens.coordinator("c-1")));
    responses.add(api.get("/api/rental-units/" + unitId, TestTokens.housingOfficer("o-2", "agency-else")));
    responses.add(api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", unitId)));

    for (Response response : responses) {
      assertThat(response.status()).isLessThan(500);
      assertThat(response.body())
          .doesNotContain(address)
          .doesNotContain("Rue des Essais")
          .doesNotContain("98765")
          .doesNotContain("45678")
          .doesNotContain("81234")
          .doesNotContain("21234")
          .doesNotContain(keepApart)
          .doesNotContainIgnoringCase("address")
          .doesNotContainIgnoringCase("location")
          .doesNotContain("lat");
    }
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void logLinesNeverContainAnAddressALocationOrASafetyConstraint(CapturedOutput output) {
    String address = addressFor("logged-" + shortId());
    String keepApart = "keep-apart-" + shortId();
    String unitId = api.post("/api/rental-units", officer, unitBody("central", UNIT_LAT, UNIT_LON, address)).text("id");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("placementId", checkedIn());
    body.put("exclusionZones", List.of(Map.of("lat", ZONE_LAT, "lon", ZONE_LON, "radiusKm", 2.5)));
    body.put("keepApartRefs", List.of(keepApart));
    String referralId = api.post("/api/referrals", officer, body).text("id");
    api.get("/api/referrals/" + referralId + "/matches", officer);
    api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", unitId));
    api.post("/api/referrals/" + referralId + "/accept", officer, null);
    api.post("/api/referrals/" + referralId + "/move-in", officer, Map.of("moveInDate", today(0)));
    api.get("/internal/referrals/" + referralId + "/destination", TestTokens.service("transport-service"),
        "X-On-Behalf-Of", "driver-1", "X-Transport-Job", "job-1");
    // A malformed request that carries an address must not echo it into a log line either.
    api.post("/api/rental-units", officer, "{\"address\": \"" + address + "\", \"region\": ");
    events.awaitPublished(referralId, java.time.Duration.ofSeconds(10));

    assertThat(output.getAll()).as("ids are logged: the capture works").contains(referralId);
    assertThat(output.getAll())
        .doesNotContain(address)
        .doesNotContain("Rue des Essais")
        .doesNotContain("98765")
        .doesNotContain("81234")
        .doesNotContain(keepApart);
  }

  @Test
  void theDatabaseHoldsOnlySealedValues() {
    String address = addressFor("sealed-" + shortId());
    String keepApart = "keep-apart-" + shortId();
    String unitId = api.post("/api/rental-units", officer, unitBody("central", UNIT_LAT, UNIT_LON, address)).text("id");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("placementId", checkedIn());
    body.put("exclusionZones", List.of(Map.of("lat", ZONE_LAT, "lon", ZONE_LON, "radiusKm", 2.5)));
    body.put("keepApartRefs", List.of(keepApart));
    String referralId = api.post("/api/referrals", officer, body).text("id");

    String unitJson = unitDocument(unitId).toJson();
    assertThat(unitJson).doesNotContain(address).doesNotContain("98765").doesNotContain("45678");
    assertThat(unitDocument(unitId).getString("addressSealed")).startsWith("v1:");
    assertThat(unitDocument(unitId).getString("locationSealed")).startsWith("v1:");

    String referralJson = mongo.getCollection("referrals").find(new Document("_id", referralId)).first().toJson();
    assertThat(referralJson).doesNotContain("81234").doesNotContain("21234").doesNotContain(keepApart);
    assertThat(referralJson).contains("exclusionZonesSealed").contains("keepApartRefsSealed");
  }

  @Test
  void readingSealedSafetyConstraintsIsAudited() {
    String referralId = openReferral();
    unit();
    api.get("/api/referrals/" + referralId + "/matches", officer);
    List<Document> entries =
        mongo.getCollection("audit_log").find(new Document("recordId", referralId)).into(new ArrayList<>());
    assertThat(entries)
        .anyMatch(e -> "SAFETY_CONSTRAINTS_READ".equals(e.getString("action"))
            && "UNIT_MATCHING".equals(e.getString("purpose"))
            && "HOUSING_OFFICER".equals(e.getString("actorRole")));
  }
}
