package org.safebed.platform.web.push;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.safebed.platform.web.push.PushDelivery.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push service as WireMock plays it: answers, ended subscriptions, outages, slowness, the breaker. */
class WebPushClientIT {

  private static final Duration LIMIT = Duration.ofMillis(800);
  private static WireMockServer push;
  private WebPushClient client;
  private URI device;

  @BeforeAll
  static void start() {
    push = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    push.start();
  }

  @AfterAll
  static void stop() {
    push.stop();
  }

  @BeforeEach
  void freshClient() {
    push.resetAll();
    client = new WebPushClient(VapidKeys.generate(), new PushProperties(
        new PushProperties.Vapid(null, null, "mailto:push@safebed.test"), null, List.of(push.baseUrl()), null, null,
        new PushProperties.Breaker(LIMIT, 50f, 4, 4, Duration.ofMinutes(1), 1)), Clock.systemUTC(),
        CircuitBreakerRegistry.ofDefaults());
    device = URI.create(push.baseUrl() + "/push/device");
  }

  @Test
  void anAcceptedAlertIsDeliveredWithOneEmptyPost() {
    push.stubFor(post(urlEqualTo("/push/device")).willReturn(aResponse().withStatus(201)));

    assertThat(client.send(device, Duration.ofSeconds(90), "offer")).isEqualTo(Outcome.DELIVERED);

    push.verify(1, postRequestedFor(urlEqualTo("/push/device")));
    var sent = push.findAll(postRequestedFor(urlEqualTo("/push/device"))).get(0);
    assertThat(sent.getBody()).isEmpty();
    assertThat(sent.getHeader("TTL")).isEqualTo("90");
    assertThat(sent.getHeader("Topic")).isEqualTo("offer");
  }

  @Test
  void notFoundAndGoneMeanTheSubscriptionHasEndedAndDoNotCountAgainstThePushService() {
    push.stubFor(post(urlEqualTo("/push/device")).willReturn(aResponse().withStatus(410)));
    for (int i = 0; i < 6; i++) {
      assertThat(client.send(device, Duration.ofSeconds(60), "offer")).isEqualTo(Outcome.GONE);
    }
    push.stubFor(post(urlEqualTo("/push/device")).willReturn(aResponse().withStatus(404)));
    assertThat(client.send(device, Duration.ofSeconds(60), "offer")).isEqualTo(Outcome.GONE);
    assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void anOutageOpensTheBreakerAndThenNothingIsSentNorRetried() {
    push.stubFor(post(urlEqualTo("/push/device")).willReturn(aResponse().withStatus(503)));

    for (int i = 0; i < 4; i++) {
      assertThat(client.send(device, Duration.ofSeconds(60), "offer")).isEqualTo(Outcome.FAILED);
    }

    assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
    push.verify(4, postRequestedFor(urlEqualTo("/push/device"))); // one attempt each: an alert is not repeated
    assertThat(client.send(device, Duration.ofSeconds(60), "offer")).isEqualTo(Outcome.FAILED);
    push.verify(4, postRequestedFor(urlEqualTo("/push/device")));
  }

  @Test
  void aHangingPushServiceIsCutOffAtTheLimit() {
    push.stubFor(post(urlEqualTo("/push/device")).willReturn(aResponse().withStatus(201).withFixedDelay(4_000)));

    long started = System.nanoTime();
    Outcome outcome = client.send(device, Duration.ofSeconds(60), "offer");

    assertThat(outcome).isEqualTo(Outcome.FAILED);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void configuredKeysMustBeOnePairAndAreNeverShown() {
    VapidKeys keys = VapidKeys.generate();
    VapidKeys other = VapidKeys.generate();
    String privateOfOther = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(scalar(other));

    assertThat(VapidKeys.of(other.publicKeyBase64url(), privateOfOther).publicKeyBase64url())
        .isEqualTo(other.publicKeyBase64url());
    assertThatThrownBy(() -> VapidKeys.of(keys.publicKeyBase64url(), privateOfOther))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(privateOfOther);
    assertThatThrownBy(() -> VapidKeys.of("AAAA", privateOfOther)).isInstanceOf(IllegalArgumentException.class);
    assertThat(other.toString()).doesNotContain(privateOfOther);
  }

  private static byte[] scalar(VapidKeys keys) {
    try {
      var field = VapidKeys.class.getDeclaredField("privateKey");
      field.setAccessible(true);
      byte[] s = ((java.security.interfaces.ECPrivateKey) field.get(keys)).getS().toByteArray();
      byte[] fixed = new byte[32];
      int length = Math.min(s.length, 32);
      System.arraycopy(s, s.length - length, fixed, 32 - length, length);
      return fixed;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
