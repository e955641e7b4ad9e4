package org.safebed.transport.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.safebed.platform.testing.PushKeys;
import org.safebed.platform.testing.SafeBedServiceTest;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestClock;
import org.safebed.platform.testing.TestTokens;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service on a random port with the wire-protocol Mongo, the real broker under its own
 * namespace, trusted test tokens, and WireMock playing everything outside SafeBed's own services:
 * the routing provider, the identity provider's token endpoint and shelter occupancy. Every
 * integration test extends this class unchanged, so they all share one Spring context.
 */
@SafeBedServiceTest
@Import(TransportScenario.Clocks.class)
// main() names the configuration file; a test context does not run main().
@TestPropertySource(properties = "spring.config.name=transport-service")
public abstract class TransportScenario {

  protected static final Duration OFFER_TIMEOUT = Duration.ofMinutes(2);
  protected static final Duration GRACE = Duration.ofMinutes(15);
  /** 600 s per leg from the routing stub: 20 minutes for base to pick-up to destination. */
  protected static final int ROUTED_ETA = 20;

  protected static final WireMockServer OUTSIDE = startOutside();
  /** The VAPID key pair the service signs push alerts with; WireMock plays the push service. */
  protected static final PushKeys PUSH_KEYS = PushKeys.generate();

  @LocalServerPort int port;
  @Autowired protected MongoTemplate mongo;
  @Autowired protected TestClock clock;
  @Autowired private ConnectionFactory connectionFactory;
  @Autowired private MessagingProperties messaging;

  protected ServiceHttp http;
  protected Broker broker;
  protected final String coordinator = TestTokens.coordinator("coordinator-1");

  @TestConfiguration(proxyBeanMethods = false)
  static class Clocks {
    @Bean
    TestClock testClock() {
      return new TestClock();
    }
  }

  @DynamicPropertySource
  static void outside(DynamicPropertyRegistry registry) {
    registry.add("safebed.transport.routing.base-url", OUTSIDE::baseUrl);
    registry.add("safebed.transport.occupancy.base-url", OUTSIDE::baseUrl);
    registry.add("safebed.transport.referral.base-url", OUTSIDE::baseUrl);
    registry.add("safebed.transport.service-credentials.token-uri", () -> OUTSIDE.baseUrl() + "/oauth2/token");
    registry.add("safebed.transport.service-credentials.client-secret", () -> "test-secret");
    registry.add("safebed.transport.offer-timeout", OFFER_TIMEOUT::toString);
    registry.add("safebed.transport.disclosure-grace", GRACE::toString);
    registry.add("safebed.transport.offer-sweep-interval", () -> "200ms");
    // Reconciliation is exercised explicitly, never behind a test's back.
    registry.add("safebed.transport.reconcile-interval", () -> "1h");
    registry.add("safebed.messaging.relay-interval", () -> "200ms");
    // Breakers are proven in their own tests; here an outage must not leak into the next test.
    registry.add("safebed.transport.routing.resilience.minimum-calls", () -> "10000");
    registry.add("safebed.transport.routing.resilience.sliding-window-size", () -> "10000");
    registry.add("safebed.transport.routing.resilience.timeout", () -> "2s");
    registry.add("safebed.transport.occupancy.resilience.minimum-calls", () -> "10000");
    registry.add("safebed.transport.occupancy.resilience.sliding-window-size", () -> "10000");
    registry.add("safebed.transport.occupancy.resilience.timeout", () -> "1s");
    registry.add("safebed.transport.referral.resilience.minimum-calls", () -> "10000");
    registry.add("safebed.transport.referral.resilience.sliding-window-size", () -> "10000");
    registry.add("safebed.transport.service-credentials.resilience.minimum-calls", () -> "10000");
    registry.add("safebed.transport.service-credentials.resilience.sliding-window-size", () -> "10000");
    registry.add("safebed.push.vapid.public-key", PUSH_KEYS::publicKey);
    registry.add("safebed.push.vapid.private-key", PUSH_KEYS::privateKey);
    registry.add("safebed.push.vapid.subject", () -> "mailto:push@safebed.test");
    registry.add("safebed.push.test-origins", OUTSIDE::baseUrl);
    registry.add("safebed.push.breaker.minimum-calls", () -> "10000");
    registry.add("safebed.push.breaker.sliding-window-size", () -> "10000");
    registry.add("safebed.push.breaker.timeout", () -> "1s");
  }

  private static WireMockServer startOutside() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  @BeforeEach
  void freshWorld() {
    // Each test starts from no jobs and no drivers (deleteMany keeps the indexes).
    mongo.getCollection("transport_jobs").deleteMany(new Document());
    mongo.getCollection("drivers").deleteMany(new Document());
    mongo.getCollection("driver_accounts").deleteMany(new Document());
    mongo.getCollection("push_subscriptions").deleteMany(new Document());
    OUTSIDE.resetAll();
    OUTSIDE.stubFor(
        get(urlPathMatching("/route/v1/driving/.*"))
            .willReturn(okJson("{\"code\":\"Ok\",\"routes\":[{\"duration\":600.0,\"distance\":9000.0}]}")));
    http = new ServiceHttp(port);
    broker = new Broker(connectionFactory, messaging.exchange());
  }

  @AfterEach
  void closeBroker() {
    broker.close();
  }

  // --- the world around a job -------------------------------------------------------------

  protected static String newPlacementId() {
    return "plc-" + UUID.randomUUID().toString().substring(0, 12);
  }

  /** Registers an on-duty, vetted driver through the coordinators' API; returns the driver id. */
  protected String driver(String subject, double lat, double lon, boolean escortsMinors) {
    return driver(subject, lat, lon, escortsMinors, "FEMALE", "fr", "en");
  }

  protected String driver(
      String subject, double lat, double lon, boolean escortsMinors, String gender, String... languages) {
    return driver(subject, lat, lon, escortsMinors, gender, true, languages);
  }

  protected String driver(
      String subject, double lat, double lon, boolean escortsMinors, String gender, boolean onDuty,
      String... languages) {
    ServiceHttp.Response created =
        http.post(
            "/api/transport/drivers",
            coordinator,
            """
            {"accountSubject":"%s","vetted":true,"gender":"%s","languages":[%s],
             "canEscortMinors":%s,"base":{"lat":%s,"lon":%s},"onDuty":%s}
            """
                .formatted(
                    subject, gender, String.join(",", java.util.Arrays.stream(languages).map(l -> '"' + l + '"').toList()),
                    escortsMinors, lat, lon, onDuty));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  /** Publishes a new bed-held for the placement; returns its event id. */
  protected String bedHeld(String placementId, boolean minor) {
    return broker.publish("placement.bed-held.v1", placementId, bedHeldData(placementId, minor));
  }

  protected static Map<String, Object> bedHeldData(String placementId, boolean minor) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("placementId", placementId);
    data.put("shelterId", "shelter-alpha");
    data.put("region", "central");
    data.put("minor", minor);
    data.put("pickupArea", Map.of("lat", 48.86, "lon", 2.35));
    data.put("destinationArea", Map.of("lat", 48.85, "lon", 2.40));
    data.put("holdExpiresAt", "2030-01-01T00:00:00Z");
    return data;
  }

  protected void placementEvent(String type, String placementId) {
    broker.publish(type, placementId, Map.of("placementId", placementId));
  }

  protected static String jobId(String placementId) {
    return "job-" + placementId;
  }

  /** The pick-up job of a placement as a coordinator sees it, once it has reached the status. */
  protected JsonNode awaitJob(String placementId, String status) {
    return awaitJobById(jobId(placementId), status);
  }

  protected JsonNode awaitJobById(String id, String status) {
    JsonNode[] job = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              ServiceHttp.Response found = http.get("/api/transport/jobs/" + id, coordinator);
              assertThat(found.status()).as(found.toString()).isEqualTo(200);
              assertThat(found.json().path("status").asString()).as(found.toString()).isEqualTo(status);
              job[0] = found.json();
            });
    return job[0];
  }

  /** The pick-up and move jobs of a placement as a coordinator sees them. */
  protected java.util.List<JsonNode> jobsOf(String placementId) {
    ServiceHttp.Response all = http.get("/api/transport/jobs", coordinator);
    assertThat(all.status()).as(all.toString()).isEqualTo(200);
    java.util.List<JsonNode> jobs = new java.util.ArrayList<>();
    for (JsonNode job : all.json()) {
      if (placementId.equals(job.path("placementId").asString())) {
        jobs.add(job);
      }
    }
    return jobs;
  }

  /** Jobs of the placement that still have a journey ahead of them (at most one, ever). */
  protected java.util.List<JsonNode> liveJobsOf(String placementId) {
    java.util.Set<String> over = java.util.Set.of("CANCELLED", "COMPLETED", "DELIVERED");
    return jobsOf(placementId).stream().filter(job -> !over.contains(job.path("status").asString())).toList();
  }

  /** The account (token subject) of a registered driver. */
  protected String accountOf(String driverId) {
    return driverDocument(driverId).getString("accountSubject");
  }

  /** A driver as stored. */
  protected Document driverDocument(String driverId) {
    return mongo.getCollection("drivers").find(new Document("_id", driverId)).first();
  }

  protected static java.util.List<String> ids(JsonNode array) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (JsonNode element : array) {
      ids.add(element.path("id").asString());
    }
    return ids;
  }

  protected static boolean absent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }

  protected void assertProblem(ServiceHttp.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.isProblem()).as(response.contentType()).isTrue();
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
  }

  /** Transport's own audit of one job, as ACTION:OUTCOME, oldest first. */
  protected java.util.List<String> auditOf(String jobId) {
    java.util.List<String> entries = new java.util.ArrayList<>();
    for (Document entry : mongo.getCollection("audit_log").find(new Document("recordId", jobId)).sort(new Document("_id", 1))) {
      entries.add(entry.getString("action") + ":" + entry.getString("outcome"));
    }
    return entries;
  }

  /** Every document of every collection, as JSON, for asserting what is never stored. */
  protected String everythingStored(String mustSee) {
    StringBuilder all = new StringBuilder();
    for (String collection : mongo.getCollectionNames()) {
      for (Document document : mongo.getCollection(collection).find()) {
        all.append(document.toJson()).append('\n');
      }
    }
    assertThat(all).as("the scan sees " + mustSee).contains(mustSee);
    return all.toString();
  }

  // --- moves to rental (issue 5) ----------------------------------------------------------

  /** The assigned driver accepts the job, picks her up and delivers her. */
  protected void driveToDelivery(String jobPath, String driverToken) {
    http.post(jobPath + "/accept", driverToken);
    http.post(jobPath + "/pick-up", driverToken);
    http.post(jobPath + "/deliver", driverToken);
  }

  /** A pick-up completed end to end: its destination area is where the move starts. */
  protected String deliveredAndCheckedIn() {
    String pickupDriver = driver("drv-pickup-" + suffix(), 48.87, 2.36, true);
    String token = TestTokens.driver(driverDocument(pickupDriver).getString("accountSubject"));
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    String job = "/api/transport/jobs/" + jobId(placement);
    driveToDelivery(job, token);
    placementEvent("placement.checked-in.v1", placement);
    awaitJob(placement, "COMPLETED");
    // The pick-up driver goes home: the move must go to whoever is nearest the shelter.
    http.put("/api/transport/drivers/me/availability", token, "{\"onDuty\":false}");
    return placement;
  }

  protected void tenancyStarted(String referral, String placement, LocalDate moveInDate) {
    broker.publish(
        "referral.tenancy-started.v1",
        referral,
        Map.of(
            "referralId", referral, "placementId", placement, "unitId", "unit-7",
            "moveInDate", moveInDate.toString(), "region", "central"));
  }

  protected LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  protected static String moveId(String referral) {
    return "move-" + referral;
  }

  protected static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }
}
