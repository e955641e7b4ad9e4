package org.safebed.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.RawHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's limits on clients that are not (yet) anyone: unauthenticated traffic per address,
 * and the time a connection may take to send a request. Low limits, so its own context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + GatewayApplication.CONFIG_NAME,
      "safebed.gateway.anonymous-rate-limit.burst=6",
      "safebed.gateway.anonymous-rate-limit.requests-per-second=0.1",
      "safebed.gateway.connections.request-head-timeout=1s",
      "safebed.gateway.connections.request-body-timeout=1s"
    })
// The address's budget is spent by the last test only: the others need their requests answered.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayLimitsIT {

  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Duration WITHIN = Duration.ofMillis(2_500);

  private static final WireMockServer services =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  @LocalServerPort
  int port;

  @BeforeAll
  static void startServices() {
    services.start();
    services.stubFor(get("/oauth2/jwks").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(TestTokens.jwks())));
    services.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withBody("[]")));
  }

  @AfterAll
  static void stopServices() {
    services.stop();
  }

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add("SAFEBED_OIDC_ISSUER", () -> TestTokens.ISSUER);
    registry.add("SAFEBED_OIDC_JWKS_URI", () -> services.baseUrl() + "/oauth2/jwks");
    registry.add("SHELTER_OCCUPANCY_URL", services::baseUrl);
    registry.add("RENTAL_REFERRAL_URL", services::baseUrl);
    registry.add("TRANSPORT_URL", services::baseUrl);
  }

  /**
   * Before: every request without a token, or with a forged one, was simply answered 401. Now an
   * address that keeps failing is slowed to the configured rate, whatever it sends next.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void unauthenticatedTrafficIsLimitedPerAddress() throws Exception {
    String valid = "Authorization: Bearer " + TestTokens.sign(TestTokens.valid("user-limits"));
    assertThat(RawHttp.exchange(port, "GET", "/api/shelters", valid).status()).isEqualTo(200);

    for (int i = 0; i < 3; i++) {
      assertThat(RawHttp.exchange(port, "GET", "/api/shelters").status()).isEqualTo(401);
      assertThat(RawHttp.exchange(port, "GET", "/api/shelters", "Authorization: Bearer forged-" + i).status())
          .isEqualTo(401);
    }
    // Valid requests cost nothing, but the address has spent its budget on failures.
    RawHttp.Answer anonymous = RawHttp.exchange(port, "GET", "/api/shelters");
    RawHttp.Answer forged = RawHttp.exchange(port, "GET", "/api/shelters", "Authorization: Bearer forged");
    RawHttp.Answer validButLimited = RawHttp.exchange(port, "GET", "/api/shelters", valid);

    for (RawHttp.Answer limited : new RawHttp.Answer[] {anonymous, forged, validButLimited}) {
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.isProblem()).isTrue();
      assertThat(limited.headers().get("retry-after")).isNotNull();
      assertThat(Long.parseLong(limited.headers().get("retry-after"))).isBetween(1L, 10L);
    }
  }

  @Test
  void aClientSendingHalfARequestIsDropped() throws Exception {
    assertThat(RawHttp.heldOpenAfter(port, "GET /api/shelters HTTP/1.1\r\nHost: x\r\n", PATIENCE))
        .isLessThan(WITHIN);
  }

  @Test
  void anIdleConnectionIsDropped() throws Exception {
    assertThat(RawHttp.heldOpenAfter(port, "", PATIENCE)).isLessThan(WITHIN);
  }

  /** A byte every 200 ms never leaves the connection idle, but the head is still late. */
  @Test
  void aClientDrippingItsHeadersIsDropped() throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      long started = System.nanoTime();
      String head = "GET /api/shelters HTTP/1.1\r\nHost: x\r\nX-Slow: " + "x".repeat(100);
      try {
        for (char c : head.toCharArray()) {
          out.write(c);
          out.flush();
          Thread.sleep(200);
        }
      } catch (java.io.IOException closed) {
        // The gateway closed the connection under the dripping client.
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aClientSendingHalfABodyIsDropped() throws Exception {
    String token = TestTokens.sign(TestTokens.valid("user-body"));
    String halfABody = "POST /api/referrals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"placementId\":";

    assertThat(RawHttp.heldOpenAfter(port, halfABody, PATIENCE)).isLessThan(WITHIN);
  }

  @Test
  void aKeptAliveConnectionServesRequestsAndIsClosedWhenIdle() throws Exception {
    String token = TestTokens.sign(TestTokens.valid("user-keep-alive"));
    String request = "GET /api/shelters HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(Math.toIntExact(PATIENCE.toMillis()));
      for (int i = 0; i < 2; i++) {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        String answer = readAnswer(socket);
        assertThat(answer).startsWith("HTTP/1.1 200");
        // Slower than nothing, faster than the limit: the connection stays open.
        Thread.sleep(500);
      }
      long idleSince = System.nanoTime();
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - idleSince)).isLessThan(WITHIN);
    }
  }

  /** Reads one answer off a kept-alive connection: its head, then its body by length or chunks. */
  private static String readAnswer(Socket socket) throws Exception {
    StringBuilder answer = new StringBuilder();
    java.io.InputStream in = socket.getInputStream();
    while (!answer.toString().endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        return answer.toString();
      }
      answer.append((char) next);
    }
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
        .matcher(answer);
    if (length.find()) {
      answer.append(new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.ISO_8859_1));
      return answer.toString();
    }
    while (!answer.toString().endsWith("\r\n0\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      answer.append((char) next);
    }
    return answer.toString();
  }
}
