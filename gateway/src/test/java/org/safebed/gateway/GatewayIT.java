package org.safebed.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.safebed.platform.testing.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway in front of WireMock, which plays the services and the provider's JWK set. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + GatewayApplication.CONFIG_NAME,
      "safebed.gateway.rate-limit.burst=10",
      "safebed.gateway.rate-limit.requests-per-second=0.2",
      "resilience4j.timelimiter.configs.default.timeout-duration=1s",
      "safebed.gateway.cors.allowed-origins=" + GatewayIT.CONSOLE
    })
class GatewayIT {

  static final String CONSOLE = "https://console.safebed.test";

  private static final WireMockServer services = startWireMock();
  private static final int closedPort = freePort();

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  @Autowired
  CircuitBreakerRegistry breakers;

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add("SAFEBED_OIDC_ISSUER", () -> TestTokens.ISSUER);
    registry.add("SAFEBED_OIDC_JWKS_URI", () -> services.baseUrl() + "/oauth2/jwks");
    registry.add("SHELTER_OCCUPANCY_URL", services::baseUrl);
    registry.add("RENTAL_REFERRAL_URL", services::baseUrl);
    // Nothing listens there: transport is down.
    registry.add("TRANSPORT_URL", () -> "http://127.0.0.1:" + closedPort);
  }

  @AfterAll
  static void stopWireMock() {
    services.stop();
  }

  @BeforeEach
  void resetServices() {
    services.resetAll();
    services.stubFor(get("/oauth2/jwks").willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(TestTokens.jwks())));
  }

  @Test
  void forwardsAnApiCallWithTheAuthorizationHeaderUnchanged() throws Exception {
    services.stubFor(get("/api/placements/p-1").willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withHeader("Cache-Control", "max-age=3600")
        .withBody("{\"placementId\":\"p-1\",\"status\":\"HELD\"}")));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    HttpResponse<String> response = send(apiGet("/api/placements/p-1", token));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.readTree(response.body()).path("status").asString()).isEqualTo("HELD");
    services.verify(getRequestedFor(urlEqualTo("/api/placements/p-1"))
        .withHeader("Authorization", equalTo("Bearer " + token)));
    assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  /**
   * A busy hour: more requests in flight on one route than the circuit-breaker library's default
   * bulkhead admits (25) are all forwarded, and the breaker stays closed.
   */
  @Test
  void manyRequestsInFlightAtOnceAreAllForwardedAndTheBreakerStaysClosed() throws Exception {
    services.stubFor(get("/api/placements/busy").willReturn(aResponse().withFixedDelay(150)
        .withHeader("Content-Type", "application/json").withBody("{\"placementId\":\"busy\"}")));
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int caller = 0; caller < 40; caller++) {
      String token = TestTokens.sign(TestTokens.valid(uniqueUser()));
      inFlight.add(http.sendAsync(apiGet("/api/placements/busy", token), HttpResponse.BodyHandlers.ofString()));
    }

    List<Integer> statuses = inFlight.stream().map(response -> response.join().statusCode()).toList();

    assertThat(statuses).containsOnly(200);
    assertThat(breakers.circuitBreaker("shelter-occupancy").getState())
        .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
  }

  @Test
  void forwardsBodiesToTheRentalReferralService() throws Exception {
    services.stubFor(post("/api/referrals").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"referralId\":\"r-1\"}")));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    HttpResponse<String> response = send(HttpRequest.newBuilder(local("/api/referrals"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"placementId\":\"p-1\"}"))
        .build());

    assertThat(response.statusCode()).isEqualTo(201);
    services.verify(postRequestedFor(urlEqualTo("/api/referrals"))
        .withRequestBody(equalTo("{\"placementId\":\"p-1\"}")));
  }

  @Test
  void refusesACallWithoutToken() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(local("/api/placements")).GET().build());

    assertProblem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    services.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
  }

  static Stream<Arguments> invalidTokens() {
    Instant now = Instant.now();
    return Stream.of(
        Arguments.of("audience of another service",
            TestTokens.sign(TestTokens.valid("u").audience(List.of("safebed-transport")))),
        Arguments.of("expired", TestTokens.sign(TestTokens.valid("u")
            .issueTime(Date.from(now.minus(Duration.ofMinutes(30))))
            .expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))))),
        Arguments.of("not yet valid", TestTokens.sign(TestTokens.valid("u")
            .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5)))))),
        Arguments.of("another issuer",
            TestTokens.sign(TestTokens.valid("u").issuer("https://evil.example"))),
        Arguments.of("signed with an unknown key",
            TestTokens.sign(TestTokens.valid("u"), TestTokens.FOREIGN_KEY)),
        Arguments.of("unsigned", new com.nimbusds.jwt.PlainJWT(TestTokens.valid("u").build()).serialize()),
        Arguments.of("garbage", "not-a-jwt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTokens")
  void refusesAnInvalidToken(String why, String token) throws Exception {
    HttpResponse<String> response = send(apiGet("/api/placements", token));

    assertProblem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).contains("invalid_token"));
    services.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
  }

  @Test
  void neverRoutesInternalPaths() throws Exception {
    services.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withBody("address")));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    for (String path : List.of("/internal/shelters/s-1/address", "//internal/x", "/INTERNAL/x")) {
      HttpResponse<String> response = send(apiGet(path, token));
      assertProblem(response, 404);
      assertThat(response.body()).doesNotContain("address");
    }
    assertProblem(send(HttpRequest.newBuilder(local("/internal/x")).GET().build()), 404);
    services.verify(0, anyRequestedFor(urlPathMatching("(?i).*internal.*")));
  }

  @Test
  void refusesPathsThatWouldBeNormalisedIntoInternalOnes() throws Exception {
    services.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withBody("address")));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    for (String path : List.of("/api/placements/../../internal/x", "/api/placements/%2e%2e/x")) {
      assertProblem(send(apiGet(path, token)), 400);
    }
    services.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
  }

  /** Every path of the contracts reaches its service: an endpoint without a route is unusable. */
  @Test
  void routesEveryApiPathOfTheContracts() throws Exception {
    services.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{}")));
    java.nio.file.Path specs = java.nio.file.Path.of("..", "api-specs", "openapi");
    java.util.regex.Pattern apiPath = java.util.regex.Pattern.compile("^  (/api/[^:]+):\\s*$");
    int checked = 0;
    for (String spec : List.of("shelter-occupancy-service.yaml", "rental-referral-service.yaml", "transport-service.yaml")) {
      for (String line : java.nio.file.Files.readAllLines(specs.resolve(spec))) {
        java.util.regex.Matcher matcher = apiPath.matcher(line);
        if (!matcher.matches()) {
          continue;
        }
        String path = matcher.group(1).replaceAll("\\{[^}]+}", "x1");
        // A fresh account per call: this test's rate limit is ten calls.
        HttpResponse<String> response = send(apiGet(path, TestTokens.sign(TestTokens.valid(uniqueUser()))));
        // Transport is down in this test: its routes answer 503, never the gateway's own 404.
        assertThat(response.statusCode()).as(spec + " " + path).isEqualTo(spec.startsWith("transport") ? 503 : 200);
        if (!spec.startsWith("transport")) {
          services.verify(getRequestedFor(urlEqualTo(path)));
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(25);
  }

  @Test
  void answersUnknownPathsWithNotFound() throws Exception {
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    assertProblem(send(apiGet("/api/no-such-resource", token)), 404);
    assertProblem(send(HttpRequest.newBuilder(local("/no-such-page")).GET().build()), 404);
  }

  @Test
  void answersServiceUnavailableWhenTheServiceIsDown() throws Exception {
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    HttpResponse<String> response = send(apiGet("/api/transport/jobs", token));

    assertProblem(response, 503);
    assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
  }

  @Test
  void hidesTheBodyOfAFailingService() throws Exception {
    services.stubFor(get("/api/shelters").willReturn(aResponse().withStatus(500)
        .withBody("java.lang.IllegalStateException at org.safebed.Secret")));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    HttpResponse<String> response = send(apiGet("/api/shelters", token));

    assertProblem(response, 503);
    assertThat(response.body()).doesNotContain("Secret").doesNotContain("Exception");
  }

  @Test
  void answersServiceUnavailableWhenTheServiceIsTooSlow() throws Exception {
    services.stubFor(get("/api/rental-units").willReturn(aResponse().withFixedDelay(5_000)));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    long started = System.nanoTime();
    HttpResponse<String> response = send(apiGet("/api/rental-units", token));

    assertProblem(response, 503);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4_000));
  }

  @Test
  void aLiveStatusStreamOutlivesTheTimeLimitOfOrdinaryCalls() throws Exception {
    // Three events over 3 s, against a 1 s limit for ordinary calls (see the class's properties).
    String stream = "event: placement\ndata: {\"status\":\"HELD\"}\n\n"
        + ":heartbeat\n\n"
        + "event: placement\ndata: {\"status\":\"ASSIGNED\"}\n\n";
    services.stubFor(get("/api/placements/p-live/events").willReturn(aResponse()
        .withHeader("Content-Type", "text/event-stream")
        .withBody(stream)
        .withChunkedDribbleDelay(3, 3_000)));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    HttpResponse<String> response = send(HttpRequest.newBuilder(local("/api/placements/p-live/events"))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "text/event-stream")
        .GET().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(response.body()).isEqualTo(stream);
    assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
  }

  @Test
  void aLiveStatusStreamStillNeedsAValidToken() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(local("/api/shelters/s-1/events"))
        .header("Accept", "text/event-stream").GET().build());

    assertProblem(response, 401);
    services.verify(0, getRequestedFor(urlEqualTo("/api/shelters/s-1/events")));
  }

  @Test
  void limitsEachUsersRate() throws Exception {
    services.stubFor(get("/api/shelters").willReturn(aResponse().withStatus(200).withBody("[]")));
    String busy = TestTokens.sign(TestTokens.valid(uniqueUser()));
    String other = TestTokens.sign(TestTokens.valid(uniqueUser()));

    int allowed = 0;
    HttpResponse<String> limited = null;
    for (int i = 0; i < 15 && limited == null; i++) {
      HttpResponse<String> response = send(apiGet("/api/shelters", busy));
      if (response.statusCode() == 429) {
        limited = response;
      } else {
        assertThat(response.statusCode()).isEqualTo(200);
        allowed++;
      }
    }

    assertThat(allowed).isBetween(10, 11);
    assertThat(limited).isNotNull();
    assertProblem(limited, 429);
    assertSecurityHeaders(limited);
    assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 5L));
    assertThat(send(apiGet("/api/shelters", other)).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAnOversizedBody() throws Exception {
    services.stubFor(post("/api/referrals").willReturn(aResponse().withStatus(201)));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));
    byte[] tooLarge = new byte[64 * 1024 + 1];

    HttpResponse<String> declared = send(apiPost("/api/referrals", token,
        HttpRequest.BodyPublishers.ofByteArray(tooLarge)));
    HttpResponse<String> chunked = send(apiPost("/api/referrals", token,
        HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(tooLarge))));
    HttpResponse<String> chunkedSmall = send(apiPost("/api/referrals", token,
        HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString("{}"))));

    assertProblem(declared, 413);
    assertProblem(chunked, 413);
    assertThat(chunkedSmall.statusCode()).isEqualTo(201);
    services.verify(1, postRequestedFor(urlEqualTo("/api/referrals")));
    services.verify(postRequestedFor(urlEqualTo("/api/referrals")).withRequestBody(equalTo("{}")));
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersWhateverTheServiceSaid() throws Exception {
    services.stubFor(get("/api/shelters").willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withHeader("X-Frame-Options", "SAMEORIGIN")
        .withHeader("Content-Security-Policy", "default-src *")
        .withHeader("Cache-Control", "public, max-age=600")
        .withBody("[]")));
    services.stubFor(get("/api/referrals").willReturn(aResponse().withStatus(500)));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    List<HttpResponse<String>> answers = List.of(
        send(apiGet("/api/shelters", token)),
        send(apiGet("/api/referrals", token)),
        send(HttpRequest.newBuilder(local("/api/shelters")).GET().build()),
        send(apiGet("/api/no-such-resource", token)),
        send(apiGet("/internal/x", token)),
        send(apiPost("/api/referrals", token, HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024 + 1]))),
        send(HttpRequest.newBuilder(local("/actuator/health")).GET().build()));

    assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 503, 401, 404, 404, 413, 200);
    answers.forEach(this::assertSecurityHeaders);
  }

  @Test
  void aPreflightFromTheConsoleOriginIsAnsweredWithoutATokenOrAServiceCall() throws Exception {
    HttpResponse<String> preflight = send(HttpRequest.newBuilder(local("/api/placements"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", CONSOLE)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
        .build());

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(headers -> assertThat(headers.toLowerCase()).contains("idempotency-key"));
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    services.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
  }

  @Test
  void aCallFromTheConsoleOriginMayBeReadByIt() throws Exception {
    services.stubFor(get("/api/shelters").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("[]")));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    HttpResponse<String> response = send(HttpRequest.newBuilder(local("/api/shelters"))
        .header("Authorization", "Bearer " + token).header("Origin", CONSOLE).GET().build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE);
  }

  @Test
  void anyOtherOriginIsRefusedBeforeItReachesAService() throws Exception {
    services.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withBody("[]")));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    HttpResponse<String> preflight = send(HttpRequest.newBuilder(local("/api/placements"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .build());
    HttpResponse<String> call = send(HttpRequest.newBuilder(local("/api/shelters"))
        .header("Authorization", "Bearer " + token).header("Origin", "https://console.safebed.test.evil.example")
        .GET().build());

    for (HttpResponse<String> refused : List.of(preflight, call)) {
      assertProblem(refused, 403);
      assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertSecurityHeaders(refused);
    }
    services.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
  }

  @Test
  void refusesOversizedHeadersAndRequestLinesBeforeAnyFilter() throws Exception {
    services.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withBody("[]")));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    HttpResponse<String> hugeHeader = send(HttpRequest.newBuilder(local("/api/shelters"))
        .header("Authorization", "Bearer " + token)
        .header("X-Padding", "x".repeat(20 * 1024))
        .GET().build());
    HttpResponse<String> manyHeaders = send(withHeaders(HttpRequest.newBuilder(local("/api/shelters"))
        .header("Authorization", "Bearer " + token), 40, "y".repeat(500)).GET().build());
    HttpResponse<String> hugeLine = send(apiGet("/api/shelters?q=" + "z".repeat(5 * 1024), token));

    assertThat(hugeHeader.statusCode()).isEqualTo(431);
    assertThat(manyHeaders.statusCode()).isEqualTo(431);
    assertThat(hugeLine.statusCode()).isEqualTo(414);
    services.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
    // A normal-sized call still passes on a fresh connection.
    assertThat(send(apiGet("/api/shelters", token)).statusCode()).isEqualTo(200);
  }

  /** Targets java.net.http would refuse to send; each hides "Secret" to check it is never echoed. */
  static Stream<String> unreadableTargets() {
    return Stream.of(
        "/api/shelters?region=Secret%C0%AE",
        "/api/shelters?Secret=%ff",
        "/api/shelters?Secret=%",
        "/api/shelters?Secret=%zz",
        "/api/shelters?Secret=%00",
        "/api/shelters/Secret%ff",
        "/api/shelters/Secret%e9t%e9",
        "/api/shelters/Secret\\x",
        "/api/shelters/Secret|x",
        "/api/shelters?Secret=\u00e9");
  }

  @ParameterizedTest
  @MethodSource("unreadableTargets")
  void anUnreadableUrlIsAProblemThatNeverReachesAService(String target) throws Exception {
    services.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withBody("[]")));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    RawHttp.Answer answer = RawHttp.exchange(port, "GET", target, "Authorization: Bearer " + token);

    assertRawProblem(answer, 400);
    services.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
  }

  @Test
  void headsTheDecoderRefusesAreProblems() throws Exception {
    services.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withBody("[]")));
    String token = "Authorization: Bearer " + TestTokens.sign(TestTokens.valid(uniqueUser()));

    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters", token, "X-Secret: a\u0000b"), 400);
    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters", token, "X Secret: b"), 400);
    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters?q=" + "Secret".repeat(1_000), token), 414);
    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters", token, "X-Secret: " + "x".repeat(20_000)), 431);
    services.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
  }

  /**
   * Before: each malformed query reached the service, which answered 500; the route's breaker
   * counted it, and 10 of them took the route away from every user. Client mistakes, refused by
   * the gateway or by the service, now never count.
   */
  @Test
  void clientMistakesNeverOpenTheBreakerForOthers() throws Exception {
    services.stubFor(get(urlPathMatching("/api/shelters")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("[]")));
    services.stubFor(get(urlPathMatching("/api/shelters")).withQueryParam("status", equalTo("NOPE"))
        .willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":400}")));
    String mistaken = "Authorization: Bearer " + TestTokens.sign(TestTokens.valid(uniqueUser()));

    for (int i = 0; i < 30; i++) {
      assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters?region=%C0%AE", mistaken), 400);
      // The service refuses these itself; a fresh account each time, past the per-user limit.
      assertThat(send(apiGet("/api/shelters?status=NOPE", TestTokens.sign(TestTokens.valid(uniqueUser()))))
          .statusCode()).isEqualTo(400);
    }

    HttpResponse<String> someoneElse = send(apiGet("/api/shelters", TestTokens.sign(TestTokens.valid(uniqueUser()))));
    assertThat(someoneElse.statusCode()).isEqualTo(200);
    assertThat(breakers.circuitBreaker("shelter-occupancy").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breakers.circuitBreaker("shelter-occupancy").getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void theBreakersIgnoreRefusalsRaisedInsideTheGateway() {
    var ignored = breakers.circuitBreaker("shelter-occupancy").getCircuitBreakerConfig().getIgnoreExceptionPredicate();

    assertThat(ignored.test(new ResponseStatusException(HttpStatus.BAD_REQUEST))).isTrue();
    assertThat(ignored.test(new IllegalStateException(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE))))
        .isTrue();
    assertThat(ignored.test(new ResponseStatusException(HttpStatus.BAD_GATEWAY))).isFalse();
    assertThat(ignored.test(new java.net.ConnectException())).isFalse();
    assertThat(ignored.test(new java.util.concurrent.TimeoutException())).isFalse();
  }

  /** Before: forwarded as chunked, which the service refused as a body of unknown size (413). */
  @Test
  void aBodilessOptionsOrPostReachesTheServiceWithoutABody() throws Exception {
    services.stubFor(any(urlEqualTo("/api/shelters")).atPriority(10).willReturn(aResponse().withStatus(200)));
    String token = TestTokens.sign(TestTokens.valid(uniqueUser()));

    HttpResponse<String> options = send(HttpRequest.newBuilder(local("/api/shelters"))
        .header("Authorization", "Bearer " + token)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    RawHttp.Answer post = RawHttp.exchange(port, "POST", "/api/shelters", "Authorization: Bearer " + token);

    assertThat(options.statusCode()).isEqualTo(200);
    assertThat(post.status()).isEqualTo(200);
    services.verify(2, anyRequestedFor(urlEqualTo("/api/shelters"))
        .withoutHeader("Transfer-Encoding"));
  }

  @Test
  void healthAndInfoArePublic() throws Exception {
    HttpResponse<String> health = send(HttpRequest.newBuilder(local("/actuator/health")).GET().build());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json.readTree(health.body()).path("status").asString()).isEqualTo("UP");
    assertThat(send(HttpRequest.newBuilder(local("/actuator/info")).GET().build()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void metricsAreForCoordinatorTokensOnlyAndCountRateLimitedRequests() throws Exception {
    services.stubFor(get("/api/shelters").willReturn(aResponse().withStatus(200).withBody("[]")));
    String busyUser = uniqueUser();
    String busy = TestTokens.sign(TestTokens.valid(busyUser));
    int limited = 0;
    for (int i = 0; i < 15; i++) {
      limited += send(apiGet("/api/shelters", busy)).statusCode() == 429 ? 1 : 0;
    }
    assertThat(limited).isPositive();
    String coordinator = TestTokens.sign(TestTokens.valid(uniqueUser()).claim("roles", List.of("COORDINATOR")));

    HttpResponse<String> scrape = send(apiGet("/actuator/prometheus", coordinator));

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .containsPattern("(?m)^safebed_gateway_rate_limited_total\\{limit=\"account\"} [1-9]")
        .contains("safebed_gateway_rate_limited_total{limit=\"anonymous\"}")
        .contains("resilience4j_circuitbreaker_state{")
        .doesNotContain(busyUser);
    assertProblem(send(HttpRequest.newBuilder(local("/actuator/prometheus")).GET().build()), 401);
    assertThat(send(apiGet("/actuator/prometheus", busy)).statusCode()).isEqualTo(403);
  }

  /** The probes of Kubernetes and compose: open, UP/DOWN only, and nothing behind the gateway. */
  @Test
  void livenessAndReadinessProbesAreOpenAndSayOnlyUpOrDown() throws Exception {
    for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(local(probe)).GET().build());
      assertThat(response.statusCode()).as(probe).isEqualTo(200);
      assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
    }
  }

  private void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("detail").asString()).isNotBlank();
    assertThat(problem.path("type").asString()).isEqualTo("about:blank");
    assertThat(problem.has("trace")).isFalse();
  }

  private static void assertRawProblem(RawHttp.Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
    assertThat(answer.body()).contains("\"status\":" + status).doesNotContain("Secret");
    assertThat(answer.headers()).containsEntry("cache-control", "no-store")
        .containsEntry("x-content-type-options", "nosniff");
  }

  private void assertSecurityHeaders(HttpResponse<String> response) {
    var headers = response.headers();
    assertThat(headers.allValues("Content-Security-Policy")).as("CSP of %s", response.uri())
        .singleElement().satisfies(csp -> assertThat(csp).startsWith("default-src 'none'").contains("frame-ancestors 'none'"));
    assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
    assertThat(headers.allValues("Referrer-Policy")).containsExactly("no-referrer");
    assertThat(headers.allValues("Cache-Control")).containsExactly("no-store");
  }

  private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, int count, String value) {
    for (int i = 0; i < count; i++) {
      request.header("X-Padding-" + i, value);
    }
    return request;
  }

  private HttpRequest apiGet(String path, String token) {
    return HttpRequest.newBuilder(local(path)).header("Authorization", "Bearer " + token).GET().build();
  }

  private HttpRequest apiPost(String path, String token, HttpRequest.BodyPublisher body) {
    return HttpRequest.newBuilder(local(path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(body)
        .build();
  }

  private URI local(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String uniqueUser() {
    return "user-" + UUID.randomUUID();
  }

  private static WireMockServer startWireMock() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
