package org.safebed.occupancy.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.PushKeys;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Web Push of urgent notifications, with WireMock as the push service: a police officer's
 * registered device is woken (an empty push) when the resident she placed goes missing; another
 * officer's device is not, nor is any device for a notification addressed to a role or a shelter,
 * nor for one that only informs. Only police (and drivers) register devices.
 */
class NotificationPushIT extends OccupancyIT {

  private static final PushKeys KEYS = PushKeys.generate();
  private static final WireMockServer PUSH = started();
  private static final String P256DH = "B" + "A".repeat(86);
  private static final String AUTH = "A".repeat(22);

  @DynamicPropertySource
  static void push(DynamicPropertyRegistry registry) {
    registry.add("safebed.push.vapid.public-key", KEYS::publicKey);
    registry.add("safebed.push.vapid.private-key", KEYS::privateKey);
    registry.add("safebed.push.vapid.subject", () -> "mailto:push@safebed.test");
    registry.add("safebed.push.test-origins", PUSH::baseUrl);
    registry.add("safebed.push.breaker.timeout", () -> "1s");
  }

  private static WireMockServer started() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    return server;
  }

  @AfterAll
  static void stopPushService() {
    PUSH.stop();
  }

  @BeforeEach
  void pushService() {
    PUSH.resetAll();
    PUSH.stubFor(post(urlPathMatching("/push/.*")).willReturn(aResponse().withStatus(201)));
  }

  @Test
  void theOfficersDeviceIsWokenWhenHerPlacementsResidentGoesMissingAndNoOneElsesIs() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String police = unique("police");
    String otherPolice = unique("police");
    String phone = "/push/" + unique("phone");
    String othersPhone = "/push/" + unique("phone");
    subscribe(TestTokens.police(police), phone);
    subscribe(TestTokens.police(otherPolice), othersPhone);

    String placementId = id(requestFor(police, area));
    assertThat(checkIn(placementId, shelter).status()).isEqualTo(200);
    quietFor(Duration.ofMillis(500));
    assertThat(PUSH.findAll(postRequestedFor(urlPathMatching("/push/.*")))).as("a held bed only informs").isEmpty();

    assertThat(http.post("/api/placements/" + placementId + "/missing", manager(shelter), null).status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(PUSH.findAll(postRequestedFor(urlEqualTo(phone)))).hasSize(1));
    LoggedRequest alert = PUSH.findAll(postRequestedFor(urlEqualTo(phone))).getFirst();
    assertThat(alert.getBody()).isEmpty();
    assertThat(alert.getHeader("TTL")).isEqualTo("3600");
    assertThat(alert.getHeader("Topic")).isEqualTo("notification");
    String authorization = alert.getHeader("Authorization");
    assertThat(authorization).startsWith("vapid t=").endsWith(", k=" + KEYS.publicKey());
    assertThat(KEYS.signed(authorization.substring("vapid t=".length(), authorization.indexOf(", k="))))
        .as("signed with the configured VAPID key").isTrue();
    assertThat(authorization + alert.getUrl()).doesNotContain(placementId).doesNotContain(police);
    quietFor(Duration.ofMillis(500));
    assertThat(PUSH.findAll(postRequestedFor(urlEqualTo(othersPhone)))).isEmpty();
    assertThat(PUSH.findAll(postRequestedFor(urlPathMatching("/push/.*")))).hasSize(1);
  }

  @Test
  void aNotificationForARoleOrAShelterWakesNobody() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String coordinator = unique("coordinator");
    String managerAccount = "manager-" + shelter; // the subject of manager(shelter)
    // Coordinators and managers cannot register devices; were one there, a role-wide alert still wakes none.
    mongo.getCollection("push_subscriptions").insertMany(List.of(
        new Document("accountSubject", coordinator).append("endpoint", PUSH.baseUrl() + "/push/coordinator")
            .append("subscribedAt", new Date()),
        new Document("accountSubject", managerAccount).append("endpoint", PUSH.baseUrl() + "/push/manager")
            .append("subscribedAt", new Date())));

    assertThat(http.put("/api/shelters/" + shelter + "/status", manager(shelter), "{\"status\":\"COMPROMISED\"}")
        .status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mongo.getCollection("notifications")
        .countDocuments(new Document("_id", "compromised-" + shelter))).isEqualTo(1));
    quietFor(Duration.ofSeconds(1));
    assertThat(PUSH.findAll(postRequestedFor(urlPathMatching("/push/.*")))).isEmpty();
  }

  @Test
  void onlyPoliceAndDriversRegisterTheirOwnDevices() {
    String police = TestTokens.police(unique("police"));
    ServiceHttp.Response key = http.get("/api/notifications/push/public-key", police);
    assertThat(key.status()).as(key.body()).isEqualTo(200);
    assertThat(key.json().get("publicKey").asString()).isEqualTo(KEYS.publicKey());

    for (String other : List.of(coordinator(), manager(unique("shelter")),
        TestTokens.service("transport-service"))) {
      assertThat(http.get("/api/notifications/push/public-key", other).status()).isEqualTo(403);
      assertThat(http.put("/api/notifications/push-subscription", other, body(PUSH.baseUrl() + "/push/x")).status())
          .isEqualTo(403);
    }
    assertThat(http.put("/api/notifications/push-subscription", null, body(PUSH.baseUrl() + "/push/x")).status())
        .isEqualTo(401);

    ServiceHttp.Response offList = http.put("/api/notifications/push-subscription", police, body("https://evil.example.com/push/1"));
    assertThat(offList.status()).isEqualTo(400);
    assertThat(offList.isProblem()).isTrue();
    assertThat(offList.body()).doesNotContain("evil.example.com");

    String subject = unique("police");
    subscribe(TestTokens.police(subject), "/push/mine");
    assertThat(http.delete("/api/notifications/push-subscription", police,
        "{\"endpoint\":\"" + PUSH.baseUrl() + "/push/mine\"}").status()).as("not hers: nothing removed").isEqualTo(204);
    assertThat(devicesOf(subject)).isEqualTo(1);
    assertThat(http.delete("/api/notifications/push-subscription", TestTokens.police(subject),
        "{\"endpoint\":\"" + PUSH.baseUrl() + "/push/mine\"}").status()).isEqualTo(204);
    assertThat(devicesOf(subject)).isZero();
  }

  private void subscribe(String token, String path) {
    ServiceHttp.Response subscribed = http.put("/api/notifications/push-subscription", token, body(PUSH.baseUrl() + path));
    assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(204);
  }

  private long devicesOf(String subject) {
    return mongo.getCollection("push_subscriptions").countDocuments(new Document("accountSubject", subject));
  }

  private static String body(String endpoint) {
    return "{\"endpoint\":\"%s\",\"keys\":{\"p256dh\":\"%s\",\"auth\":\"%s\"}}".formatted(endpoint, P256DH, AUTH);
  }

  private static void quietFor(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
