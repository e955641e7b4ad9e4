package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.SafeBedServiceTest;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the integration tests: one shared Spring context (same annotations and properties in
 * every subclass), the real service over HTTP with real tokens, the wire-protocol MongoDB and the
 * real broker. Tests never share data: each works in its own geographic test area (areas are
 * farther apart than the search radius) with its own accounts.
 */
@SafeBedServiceTest
@TestPropertySource(properties = {
    "spring.config.name=shelter-occupancy-service",
    // Synthetic key for tests only (bytes 0..31).
    "safebed.sealing.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    "safebed.occupancy.max-distance-km=300",
    "safebed.occupancy.max-active-holds-per-requester=3",
    // Background rounds are driven by the tests themselves where they matter.
    "safebed.occupancy.expiry-sweep-interval=1h",
    "safebed.occupancy.reconcile-interval=1h",
    "safebed.occupancy.waitlist-interval=1h",
    "safebed.occupancy.escalation-interval=1h",
    // Read whole by design (all shelters, counts of all beds): tests refresh them when they look.
    "safebed.occupancy.gauges-interval=1h",
    "safebed.occupancy.live-poll-interval=500ms",
    "safebed.occupancy.live-heartbeat=1s",
    "safebed.messaging.relay-interval=1s",
    "safebed.messaging.max-backoff=2s",
    // No transport service here: travel estimates fail at once and matching ranks by straight line.
    "safebed.occupancy.travel-estimates.base-url=" + OccupancyIT.NO_SERVICE,
    "safebed.occupancy.service-credentials.token-uri=" + OccupancyIT.NO_SERVICE + "/oauth2/token"
})
public abstract class OccupancyIT {

  /** A port nothing listens on (connections are refused at once). */
  protected static final String NO_SERVICE = "http://127.0.0.1:1";

  /**
   * 5° of longitude near the equator is ~556 km (~520 km at 20°): more than the 300 km radius plus
   * shelter offsets. Rows of areas are 20° of latitude apart.
   */
  private static final AtomicInteger NEXT_AREA = new AtomicInteger();
  private static final int AREAS_PER_ROW = 68;

  protected static final String ADDRESS_MARK = "Rue des Tests";

  @LocalServerPort int port;
  @Autowired protected MongoTemplate mongo;
  @Autowired Environment environment;

  protected ServiceHttp http;
  protected Broker broker;
  /** Server-sent event streams a test opens; closed after it. */
  protected EventStreams streams;

  @BeforeEach
  void connect() {
    http = new ServiceHttp(port);
    broker = Broker.of(environment.getProperty("spring.rabbitmq.addresses"),
        environment.getProperty("safebed.messaging.namespace"));
    streams = new EventStreams(port);
  }

  @AfterEach
  void closeStreams() {
    streams.close();
  }

  /** A fresh area no other test uses. */
  protected static GeoPoint newArea() {
    int n = NEXT_AREA.getAndIncrement();
    if (n >= 2 * AREAS_PER_ROW) {
      throw new IllegalStateException("out of test areas");
    }
    int row = n / AREAS_PER_ROW;
    int column = n % AREAS_PER_ROW;
    return new GeoPoint((column % 2 == 0 ? 1.0 : -1.0) + 20.0 * row, -170 + 5.0 * column);
  }

  protected static GeoPoint offset(GeoPoint area, double dLat, double dLon) {
    return new GeoPoint(area.lat() + dLat, area.lon() + dLon);
  }

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected static String coordinator() {
    return TestTokens.coordinator("coordinator-it");
  }

  // ---- shelters ----

  protected static Map<String, Object> eligibility(int minAge, int maxAge, String... genders) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("minAge", minAge);
    e.put("maxAge", maxAge);
    e.put("genders", List.of(genders));
    return e;
  }

  protected static Map<String, Object> point(GeoPoint p) {
    return Map.of("lat", p.lat(), "lon", p.lon());
  }

  protected Map<String, Object> shelterBody(String id, GeoPoint location, Map<String, Object> eligibility, int beds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("codeName", "Code " + id.substring(id.length() - 8));
    body.put("region", "test-region");
    body.put("location", point(location));
    body.put("address", "1 " + ADDRESS_MARK + " " + id + ", Synthville");
    body.put("eligibility", eligibility);
    body.put("bedCount", beds);
    return body;
  }

  /** Registers a shelter through the API and answers its id. */
  protected String shelter(GeoPoint location, Map<String, Object> eligibility, int beds) {
    String id = unique("shelter");
    ServiceHttp.Response response = http.post("/api/shelters", coordinator(), ServiceHttp.json(shelterBody(id, location, eligibility, beds)));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return id;
  }

  protected String minorGirlsShelter(GeoPoint location, int beds) {
    return shelter(location, eligibility(12, 17, "FEMALE"), beds);
  }

  // ---- placements ----

  protected static Map<String, Object> placementBody(int age, String gender, GeoPoint where, List<Map<String, Object>> zones) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("policeCaseRef", "PJ-2026-" + (1000 + (int) (Math.random() * 9000)));
    body.put("person", Map.of("ageYears", age, "gender", gender));
    body.put("needs", List.of());
    body.put("location", point(where));
    body.put("exclusionZones", zones);
    return body;
  }

  protected ServiceHttp.Response requestPlacement(String policeToken, Map<String, Object> body) {
    return http.post("/api/placements", policeToken, ServiceHttp.json(body), "Idempotency-Key", UUID.randomUUID().toString());
  }

  /** A girl of 14 at {@code where}, requested by {@code police}; answers the response. */
  protected ServiceHttp.Response requestFor(String police, GeoPoint where) {
    return requestPlacement(TestTokens.police(police), placementBody(14, "FEMALE", where, new ArrayList<>()));
  }

  protected Document placementDocument(String id) {
    return mongo.getCollection("placements").find(new Document("_id", id)).first();
  }

  protected Document bedOf(String placementId) {
    return mongo.getCollection("beds").find(new Document("placementId", placementId)).first();
  }

  protected List<Document> bedsOfShelter(String shelterId) {
    return mongo.getCollection("beds").find(new Document("shelterId", shelterId)).into(new ArrayList<>());
  }

  protected List<Document> auditFor(String recordId) {
    return mongo.getCollection("audit_log").find(new Document("recordId", recordId)).into(new ArrayList<>());
  }

  protected static void assertNoConfidentialData(String body) {
    assertThat(body).doesNotContain(ADDRESS_MARK).doesNotContainIgnoringCase("address")
        .doesNotContain("sealed").doesNotContain("PJ-2026");
  }

  protected static String manager(String shelterId) {
    return TestTokens.shelterManager("manager-" + shelterId, shelterId);
  }

  /** Registers a shelter in a region of its own (statistics are per region). */
  protected String shelterInRegion(String region, GeoPoint location, Map<String, Object> eligibility, int beds) {
    String id = unique("shelter");
    Map<String, Object> body = shelterBody(id, location, eligibility, beds);
    body.put("region", region);
    ServiceHttp.Response response = http.post("/api/shelters", coordinator(), ServiceHttp.json(body));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return id;
  }

  protected ServiceHttp.Response checkIn(String placementId, String shelterId) {
    return http.post("/api/placements/" + placementId + "/check-in", manager(shelterId), null);
  }

  protected String statusOf(String placementId) {
    return placementDocument(placementId).getString("status");
  }

  protected static String id(ServiceHttp.Response response) {
    JsonNode json = response.json();
    return json.get("id").asString();
  }
}
