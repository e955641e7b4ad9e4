package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.safebed.platform.testing.SafeBedServiceTest;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.safebed.platform.testing.TestClock;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of every integration test: all share these annotations and properties, hence one Spring
 * context (one start-up) for the suite. Each test makes its own agency, units and placements, so
 * tests never see each other's data.
 */
@SafeBedServiceTest
@Import(TestSupport.class)
@TestPropertySource(
    properties = {
      // main() names the configuration file; a test starts the application without main().
      "spring.config.name=rental-referral-service",
      "safebed.sealing.key=0C4j8+eLanPi5x4gFWWM+bWgBVTuupS8ySgsksMVA3o=",
      // Tests run the sweep and the reconciler themselves, at the moment they choose.
      "safebed.referral.sweep-interval=1h",
      "safebed.referral.reconcile-interval=1h",
      "safebed.demo-data.enabled=true",
      "logging.level.org.safebed=INFO"
    })
abstract class ServiceIT {

  static final double CENTRAL_LAT = 48.8566;
  static final double CENTRAL_LON = 2.3522;
  static final String CHECKED_IN = "placement.checked-in.v1";
  static final String CHECKED_OUT = "placement.checked-out.v1";

  /** Shelter occupancy and the identity provider, as this service sees them: stubs. */
  static final WireMockServer OCCUPANCY = startOccupancy();
  static final String SAFETY_CONSTRAINTS = "/internal/placements/[^/]+/safety-constraints";

  @LocalServerPort int port;
  @Autowired TestClock clock;
  @Autowired TestEvents events;
  @Autowired MongoTemplate mongo;

  ServiceHttp api;
  String agency;
  String officer;
  /** The token subject of {@link #officer}. */
  String officerSubject;

  private static WireMockServer startOccupancy() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  @DynamicPropertySource
  static void occupancy(DynamicPropertyRegistry registry) {
    registry.add("safebed.referral.occupancy.base-url", OCCUPANCY::baseUrl);
    registry.add("safebed.referral.service-credentials.token-uri", () -> OCCUPANCY.baseUrl() + "/oauth2/token");
    registry.add("safebed.referral.service-credentials.client-secret", () -> "synthetic-secret");
    // Breakers are proven in their own tests; here an outage must not leak into the next test.
    registry.add("safebed.referral.occupancy.minimum-calls", () -> "10000");
    registry.add("safebed.referral.occupancy.sliding-window-size", () -> "10000");
  }

  /** Every placement is checked in at occupancy, with no constraints, unless a test says otherwise. */
  @BeforeEach
  void occupancyKnowsEveryResident() {
    OCCUPANCY.resetAll();
    OCCUPANCY.stubFor(WireMock.post(WireMock.urlEqualTo("/oauth2/token")).willReturn(
        WireMock.okJson("{\"access_token\":\"referral-service-token\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
    OCCUPANCY.stubFor(WireMock.post(WireMock.urlPathMatching(SAFETY_CONSTRAINTS)).atPriority(10).willReturn(
        WireMock.okJson("{\"caseToken\":\"ct-synthetic\",\"keepApartTokens\":[],\"exclusionZones\":[]}")));
    // When the officer names people to keep her apart from, occupancy answers with their tokens.
    OCCUPANCY.stubFor(WireMock.post(WireMock.urlPathMatching(SAFETY_CONSTRAINTS)).atPriority(9)
        .withRequestBody(WireMock.matchingJsonPath("$.keepApartFrom[0]"))
        .willReturn(WireMock.okJson(
            "{\"caseToken\":\"ct-synthetic\",\"keepApartTokens\":[],\"officersKeepApartTokens\":[\"ka-synthetic\"],"
                + "\"exclusionZones\":[]}")));
  }

  @BeforeEach
  void newAgency() {
    api = new ServiceHttp(port);
    agency = "agency-" + shortId();
    officerSubject = "officer-" + shortId();
    officer = TestTokens.housingOfficer(officerSubject, agency);
  }

  static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A synthetic address, unique per unit, so a test can search every response for it. */
  static String addressFor(String tag) {
    return tag + " Rue des Essais Inventes, Ville-Test";
  }

  Map<String, Object> unitBody(String region, double lat, double lon, String address, String... suitableFor) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("region", region);
    body.put("location", Map.of("lat", lat, "lon", lon));
    body.put("address", address);
    body.put("bedrooms", 1);
    body.put("monthlyRent", 650);
    body.put("accessible", false);
    body.put("availableFrom", "2026-12-01");
    body.put("suitableFor", suitableFor.length == 0 ? List.of("YOUNG_ADULT") : List.of(suitableFor));
    return body;
  }

  /** A unit {@code kmNorth} km north of central Paris, registered by this test's officer. */
  String unit(String region, double kmNorth) {
    Response created =
        api.post("/api/rental-units", officer,
            unitBody(region, CENTRAL_LAT + kmNorth / 111.195, CENTRAL_LON, addressFor("u-" + shortId())));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  String unit() {
    return unit("central", 20);
  }

  /** A unit at exactly this point, registered by {@code officerToken}'s agency. */
  String unitAt(String officerToken, double lat, double lon) {
    Response created = api.post("/api/rental-units", officerToken,
        unitBody("central", lat, lon, addressFor("u-" + shortId())));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  /** Publishes the placement's check-in as the occupancy service would, and waits until it is applied. */
  String checkedIn() {
    return checkedInAt(Instant.now());
  }

  /** A placement checked in at {@code at} (the event's time), once the service has applied it. */
  String checkedInAt(Instant at) {
    String placementId = "placement-" + shortId();
    events.publishAt(at, CHECKED_IN, placementId,
        Map.of("placementId", placementId, "shelterId", "shelter-x", "region", "central"));
    await(() -> residentStatus(placementId) != null, "check-in of " + placementId + " applied");
    return placementId;
  }

  String residentStatus(String placementId) {
    Document resident = mongo.getCollection("residents").find(new Document("_id", placementId)).first();
    return resident == null ? null : resident.getString("status");
  }

  Document unitDocument(String unitId) {
    return mongo.getCollection("rental_units").find(new Document("_id", unitId)).first();
  }

  String unitStatus(String unitId) {
    return unitDocument(unitId).getString("status");
  }

  Response refer(String placementId, String unitId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("placementId", placementId);
    if (unitId != null) {
      body.put("unitId", unitId);
    }
    body.put("needs", List.of("YOUNG_ADULT"));
    body.put("preferredRegions", List.of("central"));
    body.put("priority", "NORMAL");
    body.put("exclusionZones", List.of(Map.of("lat", CENTRAL_LAT, "lon", CENTRAL_LON, "radiusKm", 5)));
    body.put("keepApartRefs", List.of("ref-" + shortId()));
    return api.post("/api/referrals", officer, body);
  }

  /** An OPEN referral of a freshly checked-in resident; returns its id. */
  String openReferral() {
    Response created = refer(checkedIn(), null);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  /** A referral with the unit offered; returns its id. */
  String offeredReferral(String unitId) {
    Response created = refer(checkedIn(), unitId);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.text("status")).isEqualTo("OFFERED");
    return created.text("id");
  }

  String acceptedReferral(String unitId) {
    String id = offeredReferral(unitId);
    Response accepted = api.post("/api/referrals/" + id + "/accept", officer, null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    return id;
  }

  String today(int plusDays) {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(plusDays).toString();
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for: " + what);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static void assertProblem(Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.isProblem()).as("problem+json: " + response.contentType()).isTrue();
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
  }
}
