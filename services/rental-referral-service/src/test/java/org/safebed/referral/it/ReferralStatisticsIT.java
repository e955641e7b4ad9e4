package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.safebed.platform.testing.TestTokens;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.retention.RetentionProperties;
import org.safebed.platform.web.retention.RetentionSweep;
import org.safebed.platform.web.retention.RetentionTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coordinators' figures over every agency's referrals: proven on synthetic referrals of two
 * agencies, with counts below the default minimum (5) suppressed and nothing in the answer that
 * names a referral, a resident, a unit, an agency or an officer.
 */
// Properties of its own give this class a Spring context, hence a database, of its own: the
// figures count every referral in the database, and no other test class adds any here.
@TestPropertySource(properties = {"safebed.referral.statistics-window=30d", "safebed.referral.stalled-after=1h"})
class ReferralStatisticsIT extends ServiceIT {

  private static final String STATISTICS = "/api/referrals/statistics";

  @Autowired List<RetentionTask> tasks;
  @Autowired AuditTrail audit;
  @Autowired RetentionProperties retention;

  private final String coordinator = TestTokens.coordinator("coordinator-" + shortId());
  /** Everything that names someone or something, to search the answers for. */
  private final List<String> identifiers = new ArrayList<>();

  private String otherAgency;
  private String otherOfficer;

  @BeforeEach
  void emptyDatabaseAndASecondAgency() {
    mongo.getCollection("referrals").deleteMany(new Document());
    otherAgency = "agency-" + shortId();
    otherOfficer = TestTokens.housingOfficer("officer-" + shortId(), otherAgency);
    identifiers.addAll(List.of(agency, otherAgency));
  }

  @Test
  void onlyCoordinatorsSeeTheFiguresAndAnEmptyWindowShowsOnlySuppressedOnes() {
    for (String token : List.of(officer, otherOfficer, TestTokens.police("police-1"), TestTokens.driver("driver-1"),
        TestTokens.shelterManager("manager-1", "shelter-1"), TestTokens.service("transport-service"))) {
      assertProblem(api.get(STATISTICS, token), 403);
    }
    assertProblem(api.get(STATISTICS, null), 401);

    JsonNode empty = statistics();
    assertThat(empty.path("minimumCount").asInt()).isEqualTo(5);
    assertThat(empty.path("truncated").asBoolean()).isFalse();
    Instant generatedAt = Instant.parse(empty.path("generatedAt").asString());
    assertThat(Instant.parse(empty.path("windowStart").asString())).isEqualTo(generatedAt.minus(Duration.ofDays(30)));
    // Every status and reason is listed even at zero, so that a missing row cannot say anything.
    assertThat(empty.path("referralsByStatus").findValuesAsString("status"))
        .containsExactly("OPEN", "OFFERED", "ACCEPTED", "MOVED_IN", "CLOSED");
    assertThat(empty.path("declinesByReason").findValuesAsString("reason"))
        .containsExactly("TOO_FAR", "UNSAFE_AREA", "TOO_EXPENSIVE", "NOT_ACCESSIBLE", "OTHER");
    for (String status : List.of("OPEN", "OFFERED", "ACCEPTED", "MOVED_IN", "CLOSED")) {
      assertSuppressed(byStatus(empty, status));
    }
    assertSuppressed(empty.path("stalledReferrals"));
    assertPercentilesSuppressed(empty.path("checkInToMoveIn"));
    JsonNode offers = empty.path("offersPerReferral");
    assertThat(offers.path("suppressed").asBoolean()).isTrue();
    assertThat(offers.has("mean") && offers.path("mean").isNull()).as("explicit null mean").isTrue();
    assertThat(offers.path("distribution").findValuesAsString("offers")).containsExactly("0", "1", "2", "3+");
  }

  @Test
  void figuresAddUpEveryAgencyAndShowOnlyCountsOfAtLeastFive() {
    // Six move-ins, three per agency (each agency alone would be suppressed), 10 to 60 days after check-in.
    for (int days : List.of(10, 20, 30)) {
      movedIn(officer, days);
    }
    for (int days : List.of(40, 50, 60)) {
      movedIn(otherOfficer, days);
    }
    // Declines: TOO_FAR 3 (this agency) + 2 (the other) = 5; UNSAFE_AREA 2 + 2 = 4.
    String unitA = unitOf(officer);
    String tooFar = offered(officer, unitA);
    declineThenOfferAgain(officer, tooFar, unitA, "TOO_FAR", "TOO_FAR");
    decline(officer, tooFar, "TOO_FAR"); // three offers, OPEN
    String unitB = unitOf(otherOfficer);
    String mixed = offered(otherOfficer, unitB);
    declineThenOfferAgain(otherOfficer, mixed, unitB, "TOO_FAR", "TOO_FAR", "UNSAFE_AREA");
    decline(otherOfficer, mixed, "UNSAFE_AREA"); // four offers, OPEN
    String unitC = unitOf(officer);
    String stillOffered = offered(officer, unitC);
    declineThenOfferAgain(officer, stillOffered, unitC, "UNSAFE_AREA", "UNSAFE_AREA"); // three offers, OFFERED

    JsonNode figures = statistics();
    for (String status : List.of("OPEN", "OFFERED", "ACCEPTED", "CLOSED")) {
      assertSuppressed(byStatus(figures, status)); // 2, 1, 0, 0
    }
    // 6 shown of the 9 referrals counted would leave 3 for the statuses suppressed: fewer than the
    // minimum, so the 6 move-ins are suppressed with them (and the buckets likewise).
    assertSuppressed(byStatus(figures, "MOVED_IN"));
    JsonNode days = figures.path("checkInToMoveIn");
    assertThat(days.path("suppressed").asBoolean()).isFalse();
    assertShown(days.path("samples"), 6);
    assertThat(days.path("p50Days").asInt()).isEqualTo(30);
    assertThat(days.path("p90Days").asInt()).isEqualTo(60);
    JsonNode offers = figures.path("offersPerReferral");
    assertShown(offers.path("referrals"), 9);
    // 1.78, (6 x 1 + 3 + 4 + 3) / 9, is not shown beside suppressed buckets it would weigh.
    assertThat(offers.path("mean").isNull()).isTrue();
    assertThat(offers.path("suppressed").asBoolean()).isTrue();
    assertSuppressed(offerBucket(figures, "0"));
    assertSuppressed(offerBucket(figures, "1")); // 6, with 0 + 0 + 3 in the others
    assertSuppressed(offerBucket(figures, "2"));
    assertSuppressed(offerBucket(figures, "3+")); // 3
    assertShown(byReason(figures, "TOO_FAR"), 5);
    assertSuppressed(byReason(figures, "UNSAFE_AREA")); // 4
    for (String reason : List.of("TOO_EXPENSIVE", "NOT_ACCESSIBLE", "OTHER")) {
      assertSuppressed(byReason(figures, reason));
    }
    assertSuppressed(figures.path("stalledReferrals"));

    // The fifth decline of a code makes it show.
    offer(otherOfficer, mixed, unitB);
    decline(otherOfficer, mixed, "UNSAFE_AREA");
    JsonNode after = statistics();
    assertShown(byReason(after, "UNSAFE_AREA"), 5);
    assertThat(after.path("offersPerReferral").path("mean").isNull()).isTrue(); // 17 / 9, buckets still small

    Response raw = api.get(STATISTICS, coordinator);
    for (String identifier : identifiers) {
      assertThat(raw.body()).doesNotContain(identifier);
    }
    assertThat(raw.body()).doesNotContain("officer-", "agency", "placement", "Rue des Essais");
    // Housing officers, of either agency, never get the figures of the other.
    assertProblem(api.get(STATISTICS, officer), 403);
    assertProblem(api.get(STATISTICS, otherOfficer), 403);
  }

  @Test
  void stalledReferralsCountEveryActiveOneWithoutProgressWhateverTheWindow() {
    List<String> open = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      open.add(openReferral(officer));
    }
    for (int i = 0; i < 2; i++) {
      open.add(openReferral(otherOfficer));
    }
    JsonNode fresh = statistics();
    assertShown(fresh.path("offersPerReferral").path("referrals"), 5);
    // 5 of the 5 counted would say every other status (bucket) is empty; a mean of 0 would too.
    assertSuppressed(byStatus(fresh, "OPEN"));
    assertSuppressed(fresh.path("stalledReferrals"));
    assertSuppressed(offerBucket(fresh, "0"));
    assertThat(fresh.path("offersPerReferral").path("mean").isNull()).isTrue();

    clock.advance(Duration.ofHours(2)); // stalled after 1h in this class
    assertShown(statistics().path("stalledReferrals"), 5);

    offer(officer, open.getFirst(), unitOf(officer)); // progress: four left stalled
    JsonNode oneMoved = statistics();
    assertSuppressed(oneMoved.path("stalledReferrals"));
    assertSuppressed(byStatus(oneMoved, "OPEN"));

    // Out of the 30-day window they leave the figures, but stalled ones are still counted.
    clock.advance(Duration.ofDays(31));
    JsonNode later = statistics();
    assertShown(later.path("stalledReferrals"), 5);
    assertSuppressed(byStatus(later, "OPEN"));
    assertSuppressed(later.path("offersPerReferral").path("referrals"));
    assertThat(later.path("offersPerReferral").path("suppressed").asBoolean()).isTrue();
  }

  @Test
  void finishedReferralsLoseTheirSafetyConstraintsAndNeedsAfterTheRetentionPeriodAndTheFiguresStay() {
    List<String> finished = new ArrayList<>();
    for (int days : List.of(10, 20, 30, 40, 50)) {
      String id = refer(officer, withSafety(Map.of("unitId", unitOf(officer))), days);
      ok(api.post("/api/referrals/" + id + "/accept", officer, null));
      ok(api.post("/api/referrals/" + id + "/move-in", officer, Map.of("moveInDate", today(0))));
      finished.add(id);
    }
    String active = refer(officer, withSafety(Map.of()), 1);
    JsonNode before = withoutTimes(statistics());

    Clock afterThePeriod = Clock.offset(clock, retention.closedCasePeriod().plusDays(1));
    RetentionSweep.Result result = new RetentionSweep(tasks, audit, retention, afterThePeriod).sweep();

    assertThat(result.removed()).containsEntry("referral", finished.size());
    for (String id : finished) {
      Document raw = mongo.getCollection("referrals").find(new Document("_id", id)).first();
      assertThat(raw).doesNotContainKeys("exclusionZonesSealed", "keepApartRefsSealed", "needs")
          .containsKey("anonymisedAt");
      assertThat(raw.getString("status")).isEqualTo("MOVED_IN");
      assertThat(raw.toJson()).doesNotContain("KA-RETENTION");
      assertThat(mongo.getCollection("audit_log").countDocuments(
          new Document("recordId", id).append("action", "PERSONAL_DATA_ANONYMISED"))).isOne();
      Response read = api.get("/api/referrals/" + id, officer);
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      assertThat(read.json().path("needs").isEmpty()).isTrue();
    }
    Document open = mongo.getCollection("referrals").find(new Document("_id", active)).first();
    assertThat(open).containsKeys("exclusionZonesSealed", "keepApartRefsSealed").doesNotContainKey("anonymisedAt");
    assertThat(withoutTimes(statistics())).isEqualTo(before);
    assertThat(audit.verify().intact()).isTrue();
  }

  private static Map<String, Object> withSafety(Map<String, Object> body) {
    Map<String, Object> withSafety = new HashMap<>(body);
    withSafety.put("needs", List.of("YOUNG_ADULT"));
    withSafety.put("exclusionZones", List.of(Map.of("lat", CENTRAL_LAT + 0.9, "lon", CENTRAL_LON, "radiusKm", 2.5)));
    withSafety.put("keepApartRefs", List.of("KA-RETENTION-" + shortId()));
    return withSafety;
  }

  private static JsonNode withoutTimes(JsonNode figures) {
    ObjectNode copy = (ObjectNode) figures.deepCopy();
    copy.remove("generatedAt");
    copy.remove("windowStart");
    return copy;
  }

  private JsonNode statistics() {
    Response response = api.get(STATISTICS, coordinator);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private String unitOf(String officerToken) {
    String address = addressFor("u-" + shortId());
    Response created =
        api.post("/api/rental-units", officerToken, unitBody("central", CENTRAL_LAT + 0.2, CENTRAL_LON, address));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    identifiers.add(created.text("id"));
    return created.text("id");
  }

  private String refer(String officerToken, Map<String, Object> body, int checkedInDaysAgo) {
    String placementId = checkedInAt(clock.instant().minus(Duration.ofDays(checkedInDaysAgo)));
    Map<String, Object> withPlacement = new HashMap<>(body);
    withPlacement.put("placementId", placementId);
    Response created = api.post("/api/referrals", officerToken, withPlacement);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    identifiers.addAll(List.of(placementId, created.text("id")));
    return created.text("id");
  }

  private String openReferral(String officerToken) {
    return refer(officerToken, Map.of(), 1);
  }

  private String offered(String officerToken, String unitId) {
    return refer(officerToken, Map.of("unitId", unitId), 1);
  }

  /** A resident checked in {@code checkedInDaysAgo} days ago who moves in today. */
  private void movedIn(String officerToken, int checkedInDaysAgo) {
    String id = refer(officerToken, Map.of("unitId", unitOf(officerToken)), checkedInDaysAgo);
    ok(api.post("/api/referrals/" + id + "/accept", officerToken, null));
    ok(api.post("/api/referrals/" + id + "/move-in", officerToken, Map.of("moveInDate", today(0))));
  }

  private void offer(String officerToken, String referralId, String unitId) {
    ok(api.post("/api/referrals/" + referralId + "/offers", officerToken, Map.of("unitId", unitId)));
  }

  private void decline(String officerToken, String referralId, String reason) {
    ok(api.post("/api/referrals/" + referralId + "/decline", officerToken, Map.of("reason", reason)));
  }

  /** For each reason: the resident declines the offered unit and is offered it again. */
  private void declineThenOfferAgain(String officerToken, String referralId, String unitId, String... reasons) {
    for (String reason : reasons) {
      decline(officerToken, referralId, reason);
      offer(officerToken, referralId, unitId);
    }
  }

  private static void ok(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  private static JsonNode byStatus(JsonNode figures, String status) {
    return row(figures.path("referralsByStatus"), "status", status).path("referrals");
  }

  private static JsonNode byReason(JsonNode figures, String reason) {
    return row(figures.path("declinesByReason"), "reason", reason).path("declines");
  }

  private static JsonNode offerBucket(JsonNode figures, String offers) {
    return row(figures.path("offersPerReferral").path("distribution"), "offers", offers).path("referrals");
  }

  private static JsonNode row(JsonNode rows, String key, String value) {
    for (JsonNode row : rows) {
      if (value.equals(row.path(key).asString())) {
        return row;
      }
    }
    throw new AssertionError("no row " + key + "=" + value + " in " + rows);
  }

  private static void assertShown(JsonNode count, int value) {
    assertThat(count.path("suppressed").asBoolean()).as("suppressed: " + count).isFalse();
    assertThat(count.path("value").asInt()).as(count.toString()).isEqualTo(value);
  }

  /** Suppressed is an explicit {@code "value": null} with {@code "suppressed": true}. */
  private static void assertSuppressed(JsonNode count) {
    assertThat(count.path("suppressed").asBoolean()).as("suppressed: " + count).isTrue();
    assertThat(count.has("value") && count.get("value").isNull()).as("explicit null value: " + count).isTrue();
  }

  private static void assertPercentilesSuppressed(JsonNode percentiles) {
    assertThat(percentiles.path("suppressed").asBoolean()).isTrue();
    assertThat(percentiles.get("p50Days").isNull()).isTrue();
    assertThat(percentiles.get("p90Days").isNull()).isTrue();
    assertSuppressed(percentiles.path("samples"));
  }
}
