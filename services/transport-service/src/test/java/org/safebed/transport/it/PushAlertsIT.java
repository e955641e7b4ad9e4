package org.safebed.transport.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push alerts of offers, with WireMock as the push service: one empty POST per device with
 * TTL and a VAPID JWT for the push service's origin; ended subscriptions forgotten; a push service
 * that fails never touches the offer; endpoints off the allow-list refused; each driver reaches her
 * own devices only.
 */
class PushAlertsIT extends TransportScenario {

  private static final String P256DH = "B" + "A".repeat(86);
  private static final String AUTH = "A".repeat(22);

  private String subject;
  private String token;

  @BeforeEach
  void pushService() {
    OUTSIDE.stubFor(post(urlPathMatching("/push/.*")).willReturn(aResponse().withStatus(201)));
    subject = "drv-push-" + suffix();
    driver(subject, 48.87, 2.36, true);
    token = TestTokens.driver(subject);
  }

  @Test
  void theVapidPublicKeyIsTheConfiguredOneForDriversOnly() {
    ServiceHttp.Response key = http.get("/api/transport/push/public-key", token);

    assertThat(key.status()).as(key.toString()).isEqualTo(200);
    assertThat(key.json().path("publicKey").asString()).isEqualTo(PUSH_KEYS.publicKey());
    assertProblem(http.get("/api/transport/push/public-key", coordinator), 403);
  }

  @Test
  void anOfferAlertsEachDeviceOnceWithAnEmptyBodyATtlAndAVapidJwtForThePushServicesOrigin() {
    subscribe(token, "/push/phone-1");
    subscribe(token, "/push/tablet-1");
    String placement = newPlacementId();

    bedHeld(placement, false);
    awaitJob(placement, "OFFERED");

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(OUTSIDE.findAll(postRequestedFor(urlPathMatching("/push/.*")))).hasSize(2));
    for (String device : List.of("/push/phone-1", "/push/tablet-1")) {
      List<LoggedRequest> sent = OUTSIDE.findAll(postRequestedFor(urlEqualTo(device)));
      assertThat(sent).hasSize(1);
      LoggedRequest alert = sent.get(0);
      assertThat(alert.getBody()).isEmpty();
      assertThat(Long.parseLong(alert.getHeader("TTL"))).isBetween(OFFER_TIMEOUT.toSeconds() - 30, OFFER_TIMEOUT.toSeconds());
      assertThat(alert.getHeader("Urgency")).isEqualTo("high");
      String authorization = alert.getHeader("Authorization");
      assertThat(authorization).startsWith("vapid t=").endsWith(", k=" + PUSH_KEYS.publicKey());
      String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(", k="));
      assertThat(PUSH_KEYS.signed(jwt)).as("signature verifies with the VAPID public key").isTrue();
      JsonNode claims = JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
      assertThat(claims.path("aud").asString()).isEqualTo(OUTSIDE.baseUrl());
      assertThat(claims.path("sub").asString()).isEqualTo("mailto:push@safebed.test");
      long expiresIn = claims.path("exp").asLong() - clock.instant().getEpochSecond(); // the service's clock
      assertThat(expiresIn).isPositive().isLessThanOrEqualTo(Duration.ofHours(12).toSeconds());
      // Nothing about her or the job travels.
      assertThat(alert.getAllHeaderKeys()).noneMatch(h -> h.equalsIgnoreCase("Content-Encoding"));
      assertThat(authorization + alert.getUrl()).doesNotContain(placement).doesNotContain(subject);
    }
  }

  @Test
  void aGoneSubscriptionIsForgottenAndOthersAreKept() {
    OUTSIDE.stubFor(post(urlEqualTo("/push/old-phone")).willReturn(aResponse().withStatus(410)));
    subscribe(token, "/push/old-phone");
    subscribe(token, "/push/new-phone");

    bedHeld(newPlacementId(), false);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(endpointsOf(subject)).containsExactly(OUTSIDE.baseUrl() + "/push/new-phone"));
  }

  @Test
  void aPushServiceThatFailsOrHangsLeavesTheOfferAsItIs() {
    OUTSIDE.stubFor(post(urlEqualTo("/push/down")).willReturn(aResponse().withStatus(503)));
    OUTSIDE.stubFor(post(urlEqualTo("/push/slow")).willReturn(aResponse().withStatus(201).withFixedDelay(5_000)));
    subscribe(token, "/push/down");
    subscribe(token, "/push/slow");
    String placement = newPlacementId();

    bedHeld(placement, false);

    JsonNode offered = awaitJob(placement, "OFFERED");
    assertThat(offered.path("driverId").asString()).isEqualTo(subject);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(OUTSIDE.findAll(postRequestedFor(urlPathMatching("/push/.*")))).hasSize(2));
    assertThat(endpointsOf(subject)).hasSize(2); // a failure is not the end of a subscription
    assertThat(http.post("/api/transport/jobs/" + jobId(placement) + "/accept", token).status()).isEqualTo(200);
  }

  @Test
  void anEndpointOffTheAllowListIsRefused() {
    for (String endpoint : List.of(
        "https://evil.example.com/push/1", "http://fcm.googleapis.com/fcm/send/1",
        "https://fcm.googleapis.com:8443/fcm/send/1", "https://user@fcm.googleapis.com/fcm/send/1",
        "https://127.0.0.1/push/1", "https://push.services.mozilla.com.evil.com/1",
        "http://localhost:1/push/1")) {
      assertProblem(http.put("/api/transport/drivers/me/push-subscription", token, body(endpoint)), 400);
    }
    assertProblem(http.put("/api/transport/drivers/me/push-subscription", token,
        "{\"endpoint\":\"https://fcm.googleapis.com/fcm/send/1\",\"keys\":{\"p256dh\":\"x\",\"auth\":\"" + AUTH + "\"}}"), 400);
    assertThat(mongo.getCollection("push_subscriptions").countDocuments()).isZero();
    // The push services of the allow-list are accepted.
    for (String endpoint : List.of(
        "https://fcm.googleapis.com/fcm/send/abc", "https://updates.push.services.mozilla.com/wpush/v2/abc",
        "https://web.push.apple.com/QGh-abc", "https://db5p.notify.windows.com/w/?token=abc")) {
      ServiceHttp.Response ok = http.put("/api/transport/drivers/me/push-subscription", token, body(endpoint));
      assertThat(ok.status()).as(endpoint + " " + ok).isEqualTo(204);
    }
  }

  @Test
  void eachDriverReachesHerOwnDevicesOnly() {
    subscribe(token, "/push/hers");
    String other = "drv-other-" + suffix();
    driver(other, 43.30, 5.37, true);
    String otherToken = TestTokens.driver(other);

    ServiceHttp.Response removed = delete(otherToken, OUTSIDE.baseUrl() + "/push/hers");

    assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
    assertThat(endpointsOf(subject)).hasSize(1);
    assertThat(endpointsOf(other)).isEmpty();
    // An account that is no driver has no devices to register.
    assertProblem(http.put("/api/transport/drivers/me/push-subscription", TestTokens.driver("nobody-" + suffix()),
        body(OUTSIDE.baseUrl() + "/push/x")), 404);
    assertThat(delete(token, OUTSIDE.baseUrl() + "/push/hers").status()).isEqualTo(204);
    assertThat(endpointsOf(subject)).isEmpty();
  }

  @Test
  void aDeviceIsReplacedByItsEndpointAndADriverKeepsAFewAtMost() {
    subscribe(token, "/push/same");
    subscribe(token, "/push/same");
    assertThat(endpointsOf(subject)).hasSize(1);
    for (int device = 0; device < 7; device++) {
      subscribe(token, "/push/device-" + device);
    }
    assertThat(endpointsOf(subject)).hasSize(5).contains(OUTSIDE.baseUrl() + "/push/device-6");
  }

  @Test
  void aPersonsLinkedAccountRegistersTheDriversDevices() {
    String person = "person-" + suffix();
    String linked = "drv-linked-" + suffix();
    ServiceHttp.Response created = http.post("/api/transport/drivers", coordinator, """
        {"accountSubject":"%s","vetted":true,"gender":"FEMALE","languages":["fr"],"canEscortMinors":true,
         "base":{"lat":43.3,"lon":5.37},"onDuty":true,"linkedAccounts":["%s"]}""".formatted(linked, person));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    subscribe(TestTokens.driver(person), "/push/person-phone");

    assertThat(endpointsOf(linked)).containsExactly(OUTSIDE.baseUrl() + "/push/person-phone");
  }

  private void subscribe(String driverToken, String path) {
    ServiceHttp.Response subscribed =
        http.put("/api/transport/drivers/me/push-subscription", driverToken, body(OUTSIDE.baseUrl() + path));
    assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(204);
  }

  private ServiceHttp.Response delete(String driverToken, String endpoint) {
    return http.delete("/api/transport/drivers/me/push-subscription", driverToken, "{\"endpoint\":\"" + endpoint + "\"}");
  }

  private static String body(String endpoint) {
    return "{\"endpoint\":\"%s\",\"keys\":{\"p256dh\":\"%s\",\"auth\":\"%s\"}}".formatted(endpoint, P256DH, AUTH);
  }

  private List<String> endpointsOf(String driverSubject) {
    return mongo.getCollection("push_subscriptions").find(new Document("accountSubject", driverSubject))
        .map(d -> d.getString("endpoint")).into(new java.util.ArrayList<>());
  }
}
