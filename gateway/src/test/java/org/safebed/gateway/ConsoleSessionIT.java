package org.safebed.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.gateway.console.ConsoleSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web console's session at the gateway, with WireMock playing the identity provider's back
 * channel (token endpoint, keys) and the services. The test is the browser: it follows redirects
 * and keeps the session cookie itself, so it sees every header the gateway sends.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + GatewayApplication.CONFIG_NAME,
      "safebed.gateway.rate-limit.burst=20",
      "safebed.gateway.rate-limit.requests-per-second=0.5"
    })
class ConsoleSessionIT {

  private static final String SESSION = "SAFEBED_SESSION";
  private static final Pattern JWT_SHAPED = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+");
  private static final WireMockServer provider = startWireMock();

  private final HttpClient browser = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  @Autowired
  ConsoleSessions sessions;

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add("SAFEBED_OIDC_ISSUER", () -> TestTokens.ISSUER);
    registry.add("SAFEBED_OIDC_JWKS_URI", () -> provider.baseUrl() + "/oauth2/jwks");
    registry.add("SAFEBED_OIDC_TOKEN_URI", () -> provider.baseUrl() + "/oauth2/token");
    registry.add("SAFEBED_OIDC_AUTHORIZATION_URI", () -> provider.baseUrl() + "/oauth2/authorize");
    registry.add("SHELTER_OCCUPANCY_URL", provider::baseUrl);
    registry.add("RENTAL_REFERRAL_URL", provider::baseUrl);
    registry.add("TRANSPORT_URL", provider::baseUrl);
    registry.add("WEB_CONSOLE_URL", provider::baseUrl);
  }

  @AfterAll
  static void stopWireMock() {
    provider.stop();
  }

  @BeforeEach
  void resetProvider() {
    provider.resetAll();
    provider.stubFor(get("/oauth2/jwks").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(TestTokens.jwks())));
    // The web console's pages (its own tests are in services/web-console).
    provider.stubFor(get(urlPathMatching("/console/.*")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html;charset=UTF-8").withBody("<p>console page</p>")));
  }

  @Test
  void aConsolePageSendsTheBrowserToSignInWithPkceAndAPasswordPrompt() throws Exception {
    HttpResponse<String> page = send(request("/console/", null).GET());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(location(page).getPath()).isEqualTo("/oauth2/authorization/safebed");

    HttpResponse<String> toProvider = send(request(location(page).getPath(), null).GET());
    assertThat(toProvider.statusCode()).isEqualTo(302);
    URI authorize = location(toProvider);
    assertThat(authorize.toString()).startsWith(provider.baseUrl() + "/oauth2/authorize?");
    Map<String, String> query = query(authorize);
    assertThat(query).containsEntry("response_type", "code")
        .containsEntry("client_id", "safebed-console")
        .containsEntry("scope", "openid")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("prompt", "login")
        .containsEntry("redirect_uri", local("/login/oauth2/code/safebed").toString())
        .containsKeys("state", "nonce", "code_challenge");
    assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void signingInGivesOnlyASessionCookieAndRedeemsTheCodeWithTheVerifier() throws Exception {
    SignedIn signedIn = signIn("manager-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 900);

    provider.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
        .withHeader("Authorization", containing("Basic "))
        .withRequestBody(containing("grant_type=authorization_code"))
        .withRequestBody(containing("code_verifier=")));
    assertThat(signedIn.setCookie())
        .startsWith(SESSION + "=")
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .containsIgnoringCase("Secure");
    // A new session id once signed in: a session id planted before sign-in is worth nothing.
    assertThat(signedIn.cookies().session()).isNotEqualTo(signedIn.sessionBeforeSignIn());
    signedIn.everythingSeen().forEach(seen -> assertThat(JWT_SHAPED.matcher(seen).find()).as(seen).isFalse());
  }

  @Test
  void theConsoleLearnsWhoIsSignedInButNeverATokenValue() throws Exception {
    SignedIn signedIn = signIn("manager-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 900);

    HttpResponse<String> me = send(request("/console/me", signedIn.cookies()).GET(), signedIn.cookies());

    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(me.body());
    assertThat(body.path("subject").asString()).isEqualTo(signedIn.subject());
    assertThat(body.path("roles").toString()).isEqualTo("[\"SHELTER_MANAGER\"]");
    assertThat(body.propertyNames()).containsExactlyInAnyOrder("subject", "roles");
    assertThat(me.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
    // Not no-referrer: the page's own POSTs would then carry "Origin: null" and be refused as foreign.
    assertThat(me.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
  }

  @Test
  void anApiCallWithTheCookieReachesTheServiceWithTheSessionsBearerTokenAndNoCookie() throws Exception {
    SignedIn signedIn = signIn("manager-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 900);
    provider.stubFor(get("/api/shelters").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("[{\"id\":\"shelter-south-2\"}]")));

    HttpResponse<String> shelters = send(request("/api/shelters", signedIn.cookies()).GET(), signedIn.cookies());

    assertThat(shelters.statusCode()).isEqualTo(200);
    assertThat(shelters.body()).contains("shelter-south-2").doesNotContain(signedIn.accessToken());
    provider.verify(getRequestedFor(urlEqualTo("/api/shelters"))
        .withHeader("Authorization", equalTo("Bearer " + signedIn.accessToken()))
        .withHeader("Cookie", absent()));
  }

  @Test
  void aChangeWithTheCookieNeedsTheSessionsCsrfToken() throws Exception {
    SignedIn signedIn = signIn("manager-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 900);
    provider.stubFor(post("/api/shelters/s-1/capacity-check").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"s-1\"}")));

    HttpResponse<String> forged = send(request("/api/shelters/s-1/capacity-check", signedIn.cookies())
        .POST(HttpRequest.BodyPublishers.noBody()), signedIn.cookies());
    HttpResponse<String> wrongToken = send(request("/api/shelters/s-1/capacity-check", signedIn.cookies())
        .header("X-CSRF-TOKEN", "not-the-token").POST(HttpRequest.BodyPublishers.noBody()), signedIn.cookies());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    provider.verify(0, postRequestedFor(urlEqualTo("/api/shelters/s-1/capacity-check")));

    JsonNode csrf = json.readTree(send(request("/console/csrf", signedIn.cookies()).GET(), signedIn.cookies()).body());
    HttpResponse<String> confirmed = send(request("/api/shelters/s-1/capacity-check", signedIn.cookies())
        .header(csrf.path("headerName").asString(), csrf.path("token").asString())
        .POST(HttpRequest.BodyPublishers.noBody()), signedIn.cookies());
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    provider.verify(postRequestedFor(urlEqualTo("/api/shelters/s-1/capacity-check"))
        .withHeader("Authorization", equalTo("Bearer " + signedIn.accessToken())));
  }

  @Test
  void bearerCallersNeitherNeedCsrfNorGetASession() throws Exception {
    provider.stubFor(post("/api/shelters/s-2/capacity-check").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"s-2\"}")));
    String token = TestTokens.sign(TestTokens.valid("script-" + UUID.randomUUID()));

    HttpResponse<String> answer = send(request("/api/shelters/s-2/capacity-check", null)
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    provider.verify(postRequestedFor(urlEqualTo("/api/shelters/s-2/capacity-check"))
        .withHeader("Authorization", equalTo("Bearer " + token)));
  }

  @Test
  void withoutASessionApiCallsGet401ProblemsNotRedirects() throws Exception {
    for (HttpRequest.Builder call : List.of(
        request("/api/shelters", null).header("Accept", "text/html").GET(),
        request("/api/shelters/s-1/capacity-check", null).POST(HttpRequest.BodyPublishers.noBody()),
        request("/console/me", null).GET(),
        request("/api/shelters", CookieJar.of(SESSION, UUID.randomUUID().toString())).GET())) {
      HttpResponse<String> answer = send(call);
      assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(401);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(answer.headers().firstValue("Location")).isEmpty();
    }
    assertThat(send(request("/login", null).GET()).statusCode()).isEqualTo(404);
    provider.verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
  }

  @Test
  void anExpiringTokenIsRefreshedInTheSession() throws Exception {
    SignedIn signedIn = signIn("manager-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 30);
    String renewed = accessToken(signedIn.subject(), List.of("SHELTER_MANAGER"));
    provider.stubFor(post("/oauth2/token").withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(tokenResponse(renewed, 900)));
    provider.stubFor(get("/api/shelters").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("[]")));

    HttpResponse<String> shelters = send(request("/api/shelters", signedIn.cookies()).GET(), signedIn.cookies());

    assertThat(shelters.statusCode()).isEqualTo(200);
    provider.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
        .withRequestBody(containing("refresh_token=refresh-" + signedIn.subject())));
    provider.verify(getRequestedFor(urlEqualTo("/api/shelters"))
        .withHeader("Authorization", equalTo("Bearer " + renewed)));
    assertThat(shelters.headers().allValues("Set-Cookie").toString()).doesNotContain("eyJ");
  }

  @Test
  void aRefusedRefreshEndsTheSessionWith401() throws Exception {
    SignedIn signedIn = signIn("manager-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 30);
    provider.stubFor(post("/oauth2/token").withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"invalid_grant\"}")));

    HttpResponse<String> shelters = send(request("/api/shelters", signedIn.cookies()).GET(), signedIn.cookies());

    assertThat(shelters.statusCode()).isEqualTo(401);
    assertThat(shelters.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(send(request("/console/me", signedIn.cookies()).GET(), signedIn.cookies()).statusCode()).isEqualTo(401);
    provider.verify(0, getRequestedFor(urlEqualTo("/api/shelters")));
  }

  @Test
  void anUnreachableProviderIsA503AndTheSessionStays() throws Exception {
    SignedIn signedIn = signIn("manager-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 30);
    provider.stubFor(post("/oauth2/token").withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

    HttpResponse<String> shelters = send(request("/api/shelters", signedIn.cookies()).GET(), signedIn.cookies());

    assertThat(shelters.statusCode()).isEqualTo(503);
    assertThat(shelters.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(send(request("/console/me", signedIn.cookies()).GET(), signedIn.cookies()).statusCode())
        .isEqualTo(200);
    provider.verify(0, getRequestedFor(urlEqualTo("/api/shelters")));
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    SignedIn signedIn = signIn("manager-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 900);
    JsonNode csrf = json.readTree(send(request("/console/csrf", signedIn.cookies()).GET(), signedIn.cookies()).body());

    HttpResponse<String> forgedSignOut = send(request("/logout", signedIn.cookies())
        .POST(HttpRequest.BodyPublishers.noBody()), signedIn.cookies());
    assertThat(forgedSignOut.statusCode()).isEqualTo(403);
    assertThat(send(request("/console/me", signedIn.cookies()).GET(), signedIn.cookies()).statusCode()).isEqualTo(200);

    CookieJar kept = CookieJar.of(SESSION, signedIn.cookies().session());
    HttpResponse<String> signedOut = send(request("/logout", signedIn.cookies())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(csrf.path("parameterName").asString() + "="
            + java.net.URLEncoder.encode(csrf.path("token").asString(), StandardCharsets.UTF_8))), signedIn.cookies());
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(location(signedOut).getPath()).isEqualTo("/console/signed-out");
    assertThat(signedIn.cookies().session()).as("the browser is told to drop the cookie").isNull();

    // Even a browser that kept the cookie is signed out: the session is gone on the server.
    assertThat(send(request("/api/shelters", kept).GET()).statusCode()).isEqualTo(401);
    assertThat(send(request("/console/me", kept).GET()).statusCode()).isEqualTo(401);
    assertThat(send(request("/console/signed-out", null).GET()).statusCode()).isEqualTo(200);
  }

  @Test
  void answersThatNeitherSignInNorOutLeaveTheSessionCookieAlone() throws Exception {
    SignedIn signedIn = signIn("manager-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 900);
    String session = signedIn.cookies().session();
    provider.stubFor(get("/api/shelters/s-9").willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":401}")));

    HttpResponse<String> csrf = send(request("/console/csrf", signedIn.cookies()).GET(), signedIn.cookies());
    HttpResponse<String> favicon = send(request("/favicon.ico", signedIn.cookies()).GET(), signedIn.cookies());
    HttpResponse<String> unrouted = send(request("/nothing-here", signedIn.cookies()).GET(), signedIn.cookies());
    HttpResponse<String> badBearer = send(request("/api/shelters", signedIn.cookies())
        .header("Authorization", "Bearer not-a-token").GET(), signedIn.cookies());
    HttpResponse<String> serviceRefused = send(request("/api/shelters/s-9", signedIn.cookies()).GET(),
        signedIn.cookies());

    assertThat(csrf.statusCode()).isEqualTo(200);
    assertThat(List.of(favicon.statusCode(), unrouted.statusCode(), badBearer.statusCode(),
        serviceRefused.statusCode())).containsExactly(404, 404, 401, 401);
    assertThat(favicon.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    for (HttpResponse<String> answer : List.of(csrf, favicon, unrouted, badBearer, serviceRefused)) {
      assertThat(sessionCookies(answer)).as(answer.uri().getPath()).isEmpty();
    }
    assertThat(signedIn.cookies().session()).isEqualTo(session);
    assertThat(send(request("/console/me", signedIn.cookies()).GET()).statusCode()).isEqualTo(200);
  }

  @Test
  void theConsoleGetsThePersonsTokenHerSessionsCsrfTokenLanguageAndTimeZoneButNoCookie() throws Exception {
    SignedIn signedIn = signIn("officer-" + UUID.randomUUID(), List.of("POLICE"), 900);
    CookieJar withLanguage = CookieJar.of(SESSION, signedIn.cookies().session());
    withLanguage.put("SAFEBED_LANG", "nl");
    withLanguage.put("SAFEBED_TZ", "America/Port-au-Prince");

    HttpResponse<String> page = send(request("/console/police", withLanguage)
        .header("X-SafeBed-Csrf", "planted-by-the-page").header("X-SafeBed-Language", "de")
        .header("X-SafeBed-Time-Zone", "Asia/Tokyo").GET());

    assertThat(page.statusCode()).isEqualTo(200);
    provider.verify(getRequestedFor(urlEqualTo("/console/police"))
        .withHeader("Authorization", equalTo("Bearer " + signedIn.accessToken()))
        .withHeader("X-SafeBed-Csrf", matching("[A-Za-z0-9_-]{40,}"))
        .withHeader("X-SafeBed-Language", equalTo("nl"))
        .withHeader("X-SafeBed-Time-Zone", equalTo("America/Port-au-Prince"))
        .withoutHeader("Cookie"));

    // A cookie that is not the shape of a zone name is not relayed, nor is the header planted.
    withLanguage.put("SAFEBED_TZ", "../../etc");
    send(request("/console/police", withLanguage).header("X-SafeBed-Time-Zone", "Asia/Tokyo").GET());
    provider.verify(getRequestedFor(urlEqualTo("/console/police")).withoutHeader("X-SafeBed-Time-Zone"));

    // The relayed token is the session's: a form of the console that carries it is let through,
    // one that carries what the page planted is refused before it reaches the console.
    String relayed = provider.findAll(getRequestedFor(urlEqualTo("/console/police"))).getLast()
        .getHeader("X-SafeBed-Csrf");
    provider.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathMatching("/console/.*"))
        .willReturn(aResponse().withStatus(302).withHeader("Location", "/console/police")));
    HttpResponse<String> accepted = send(request("/console/police/placements", signedIn.cookies())
        .header("X-CSRF-TOKEN", relayed).POST(HttpRequest.BodyPublishers.noBody()));
    HttpResponse<String> planted = send(request("/console/police/placements", signedIn.cookies())
        .header("X-CSRF-TOKEN", "planted-by-the-page").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(accepted.statusCode()).as(accepted.body() + relayed).isEqualTo(302);
    assertThat(planted.statusCode()).isEqualTo(403);
    provider.verify(1, postRequestedFor(urlEqualTo("/console/police/placements")));
  }

  @Test
  void aConsoleFormSentWithoutScriptIsCheckedByItsCsrfFieldAndReachesTheConsoleWhole() throws Exception {
    SignedIn signedIn = signIn("officer-" + UUID.randomUUID(), List.of("POLICE"), 900);
    send(request("/console/police", signedIn.cookies()).GET());
    String relayed = provider.findAll(getRequestedFor(urlEqualTo("/console/police"))).getLast()
        .getHeader("X-SafeBed-Csrf");
    provider.stubFor(post(urlPathMatching("/console/.*"))
        .willReturn(aResponse().withStatus(302).withHeader("Location", "/console/police")));

    HttpResponse<String> accepted = send(form("/console/police/placements", signedIn.cookies(),
        Map.of("_csrf", relayed, "caseRef", "PV-2026-0042")));
    HttpResponse<String> forged = send(form("/console/police/placements", signedIn.cookies(),
        Map.of("_csrf", "planted-by-another-site", "caseRef", "PV-2026-0043")));
    HttpResponse<String> without = send(form("/console/police/placements", signedIn.cookies(),
        Map.of("caseRef", "PV-2026-0044")));

    assertThat(accepted.statusCode()).isEqualTo(302);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(without.statusCode()).isEqualTo(403);
    provider.verify(1, postRequestedFor(urlEqualTo("/console/police/placements")));
    provider.verify(postRequestedFor(urlEqualTo("/console/police/placements"))
        .withRequestBody(containing("PV-2026-0042")).withRequestBody(containing("name=\"_csrf\"")));
  }

  /** A form as a browser sends it without script: multipart, its token among the fields. */
  private HttpRequest.Builder form(String path, CookieJar cookies, Map<String, String> fields) {
    String boundary = "----safebed" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
        .append(value).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return request(path, cookies).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  @Test
  void theSignedOutPageIsTheConsolesAndReachedWithoutASession() throws Exception {
    HttpResponse<String> page = send(request("/console/signed-out", null).GET());

    assertThat(page.statusCode()).isEqualTo(200);
    provider.verify(getRequestedFor(urlEqualTo("/console/signed-out")).withoutHeader("Authorization")
        .withoutHeader("X-SafeBed-Csrf"));
  }

  @Test
  void lateAnswersToTheIdReplacedAtSignInLeaveTheNewCookieAloneAndDoNotLeadToTheSession() throws Exception {
    SignedIn signedIn = signIn("manager-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 900);
    CookieJar planted = CookieJar.of(SESSION, signedIn.sessionBeforeSignIn());

    for (String path : List.of("/favicon.ico", "/nothing-here", "/console/me", "/console/csrf",
        "/api/shelters", "/console/")) {
      HttpResponse<String> late = send(request(path, planted).GET());
      assertThat(late.statusCode()).as(path).isIn(302, 401, 404);
      assertThat(sessionCookies(late)).as(path).isEmpty();
    }
    assertThat(send(request("/console/me", signedIn.cookies()).GET()).statusCode()).isEqualTo(200);
  }

  @Test
  void anExpiredSessionsCookieIsCleared() throws Exception {
    SignedIn signedIn = signIn("manager-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 900);
    InMemoryWebSessionStore store = (InMemoryWebSessionStore) sessions.store();
    Clock now = store.getClock();
    store.setClock(Clock.offset(now, Duration.ofMinutes(31)));
    try {
      HttpResponse<String> me = send(request("/console/me", signedIn.cookies()).GET(), signedIn.cookies());

      assertThat(me.statusCode()).isEqualTo(401);
      assertThat(sessionCookies(me)).singleElement().asString().containsIgnoringCase("Max-Age=0");
      assertThat(signedIn.cookies().session()).isNull();
    } finally {
      store.setClock(now);
    }
  }

  @Test
  void oneRateBudgetPerPersonWhetherSessionOrBearer() throws Exception {
    SignedIn signedIn = signIn("busy-" + UUID.randomUUID(), List.of("SHELTER_MANAGER"), 900);
    provider.stubFor(get("/api/shelters").willReturn(aResponse().withBody("[]")));
    String sameAccountsToken = TestTokens.sign(TestTokens.valid(signedIn.subject()));

    int limited = 0;
    for (int i = 0; i < 60 && limited == 0; i++) {
      HttpResponse<String> answer = i % 2 == 0
          ? send(request("/api/shelters", signedIn.cookies()).GET(), signedIn.cookies())
          : send(request("/api/shelters", null).header("Authorization", "Bearer " + sameAccountsToken).GET());
      if (answer.statusCode() == 429) {
        limited = i;
      }
    }

    // A burst of 20 per account here: both ways of calling spend the same budget.
    assertThat(limited).isBetween(18, 26);
  }

  /** A whole sign-in as the browser and the provider's back channel see it. */
  private SignedIn signIn(String subject, List<String> roles, long expiresIn) throws Exception {
    CookieJar cookies = new CookieJar();
    HttpResponse<String> toProvider = send(request("/oauth2/authorization/safebed", cookies).GET(), cookies);
    String sessionBeforeSignIn = cookies.session();
    Map<String, String> authorize = query(location(toProvider));

    String accessToken = accessToken(subject, roles);
    String idToken = TestTokens.sign(new JWTClaimsSet.Builder()
        .issuer(TestTokens.ISSUER)
        .subject(subject)
        .audience("safebed-console")
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(15))))
        .claim("nonce", authorize.get("nonce")));
    provider.stubFor(post("/oauth2/token").withRequestBody(containing("grant_type=authorization_code"))
        .withRequestBody(containing("code=code-" + subject))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(tokenBody(accessToken, idToken, expiresIn, "refresh-" + subject))));

    HttpResponse<String> callback = send(request("/login/oauth2/code/safebed?code=code-" + subject
        + "&state=" + java.net.URLEncoder.encode(authorize.get("state"), StandardCharsets.UTF_8),
        cookies).GET(), cookies);
    assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
    assertThat(location(callback).getPath()).isEqualTo("/console/");
    String setCookie = callback.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(SESSION + "=")).reduce((first, last) -> last).orElseThrow();
    HttpResponse<String> console = send(request("/console/me", cookies).GET(), cookies);
    assertThat(console.statusCode()).isEqualTo(200);
    List<String> seen = List.of(toProvider.headers().map().toString(), toProvider.body(),
        callback.headers().map().toString(), callback.body(), console.headers().map().toString(), console.body());
    return new SignedIn(subject, cookies, sessionBeforeSignIn, setCookie, accessToken, seen);
  }

  private record SignedIn(String subject, CookieJar cookies, String sessionBeforeSignIn, String setCookie,
      String accessToken, List<String> everythingSeen) {}

  private static String accessToken(String subject, List<String> roles) {
    return TestTokens.sign(TestTokens.valid(subject)
        .audience(List.of("safebed-gateway", "safebed-shelter-occupancy"))
        .claim("roles", roles));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokenResponse(
      String accessToken, long expiresIn) {
    return aResponse().withHeader("Content-Type", "application/json")
        .withBody(tokenBody(accessToken, null, expiresIn, "refresh-renewed"));
  }

  private static String tokenBody(String accessToken, String idToken, long expiresIn, String refreshToken) {
    return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + expiresIn + ",\"scope\":\"openid\",\"refresh_token\":\"" + refreshToken + "\""
        + (idToken == null ? "" : ",\"id_token\":\"" + idToken + "\"") + "}";
  }

  private static List<String> sessionCookies(HttpResponse<?> answer) {
    return answer.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(SESSION + "=")).toList();
  }

  private HttpRequest.Builder request(String path, CookieJar cookies) {
    HttpRequest.Builder request = HttpRequest.newBuilder(local(path));
    if (cookies != null && !cookies.isEmpty()) {
      request.header("Cookie", cookies.header());
    }
    return request;
  }

  /** Sends without cookies, or with the jar's, which takes the answer's cookies as a browser would. */
  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, CookieJar cookies) throws Exception {
    HttpResponse<String> response = send(request);
    cookies.update(response);
    return response;
  }

  /**
   * The browser's cookies for the gateway. Kept by hand, not by {@code java.net.CookieManager},
   * because the session cookie is {@code Secure} and this test talks plain HTTP.
   */
  private static final class CookieJar {

    private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

    static CookieJar of(String name, String value) {
      CookieJar jar = new CookieJar();
      jar.cookies.put(name, value);
      return jar;
    }

    void put(String name, String value) {
      cookies.put(name, value);
    }

    void update(HttpResponse<?> response) {
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
    }

    String session() {
      return cookies.get(SESSION);
    }

    boolean isEmpty() {
      return cookies.isEmpty();
    }

    String header() {
      return cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
          .collect(java.util.stream.Collectors.joining("; "));
    }
  }

  private static URI location(HttpResponse<?> response) {
    return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> raw = UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap();
    return raw.entrySet().stream().collect(java.util.stream.Collectors.toMap(
        Map.Entry::getKey, entry -> URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
  }

  private URI local(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static WireMockServer startWireMock() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    return server;
  }
}
