package org.safebed.identity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.safebed.identity.IdentityProviderApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person signing in to the console, as the gateway and a browser drive the provider: the
 * authorization-code grant with PKCE for the confidential client {@code safebed-console}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + IdentityProviderApplication.CONFIG_NAME)
class ConsoleSignInTest {

  private static final String ISSUER = "http://localhost:9000";
  private static final String CALLBACK = "http://localhost:8080/login/oauth2/code/safebed";
  private static final List<String> ALL_AUDIENCES = List.of(
      "safebed-gateway", "safebed-shelter-occupancy", "safebed-transport", "safebed-rental-referral");
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final JsonMapper json = JsonMapper.builder().build();
  /** The browser: keeps the provider's session cookie, follows no redirect by itself. */
  private final HttpClient browser = HttpClient.newBuilder()
      .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();
  /** The gateway's back channel to the token endpoint. */
  private final HttpClient backChannel = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Test
  void aManagerSignsInAndTheTokenCarriesHerShelters() throws Exception {
    Pkce pkce = Pkce.create();

    Map<String, String> callback = signIn("shelter-manager", "demo-password", pkce, "state-1");
    assertThat(callback).containsEntry("state", "state-1").containsKey("code");

    JsonNode tokens = redeem(callback.get("code"), pkce.verifier());
    assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(tokens.path("refresh_token").asString()).isNotBlank();
    assertThat(tokens.path("id_token").asString()).isNotBlank();
    Jwt access = verifier().decode(tokens.path("access_token").asString());
    assertThat(access.getHeaders()).containsEntry("alg", "RS256");
    assertThat(access.getSubject()).isEqualTo("shelter-manager");
    assertThat(access.getAudience()).containsExactlyInAnyOrderElementsOf(ALL_AUDIENCES);
    assertThat(access.getClaimAsStringList("roles")).containsExactly("SHELTER_MANAGER");
    assertThat(access.getClaimAsStringList("shelter_ids")).hasSize(8).contains("shelter-south-2");
    assertThat(access.hasClaim("agency_id")).isFalse();
  }

  @Test
  void aPoliceOfficersTokenNamesHerForce() throws Exception {
    Pkce pkce = Pkce.create();
    Map<String, String> callback = signIn("police", "demo-password", pkce, "s");

    Jwt access = verifier().decode(redeem(callback.get("code"), pkce.verifier()).path("access_token").asString());

    assertThat(access.getSubject()).isEqualTo("police");
    assertThat(access.getClaimAsStringList("roles")).containsExactly("POLICE");
    assertThat(access.getClaimAsString("agency_id")).isEqualTo("police-demo");
    assertThat(access.hasClaim("shelter_ids")).isFalse();
  }

  @Test
  void aRefreshedTokenKeepsTheClaimsAndTheOldRefreshTokenDies() throws Exception {
    Pkce pkce = Pkce.create();
    JsonNode first = redeem(signIn("housing-officer", "demo-password", pkce, "s").get("code"), pkce.verifier());
    String refreshToken = first.path("refresh_token").asString();

    HttpResponse<String> refreshed = token("grant_type=refresh_token&refresh_token=" + refreshToken);
    assertThat(refreshed.statusCode()).isEqualTo(200);
    Jwt access = verifier().decode(json.readTree(refreshed.body()).path("access_token").asString());
    assertThat(access.getSubject()).isEqualTo("housing-officer");
    assertThat(access.getClaimAsString("agency_id")).isEqualTo("agency-demo-housing");
    assertThat(access.getAudience()).containsExactlyInAnyOrderElementsOf(ALL_AUDIENCES);

    assertThat(token("grant_type=refresh_token&refresh_token=" + refreshToken).statusCode()).isEqualTo(400);
  }

  @Test
  void theCodeIsWorthNothingWithoutTheVerifierOrTwice() throws Exception {
    Pkce pkce = Pkce.create();
    String code = signIn("coordinator", "demo-password", pkce, "s").get("code");

    HttpResponse<String> withoutVerifier = token(codeGrant(code, null));
    HttpResponse<String> wrongVerifier = token(codeGrant(code, Pkce.create().verifier()));
    assertThat(withoutVerifier.statusCode()).isEqualTo(400);
    assertThat(wrongVerifier.statusCode()).isEqualTo(400);
    assertThat(withoutVerifier.body() + wrongVerifier.body()).doesNotContain("access_token");

    Pkce another = Pkce.create();
    String fresh = signIn("coordinator", "demo-password", another, "s2").get("code");
    redeem(fresh, another.verifier());
    HttpResponse<String> replayed = token(codeGrant(fresh, another.verifier()));
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(replayed.body()).doesNotContain("access_token");
  }

  @Test
  void refusesAnAuthorizationRequestWithoutPkce() throws Exception {
    signInForm("driver", "demo-password", authorizeUri(null, CALLBACK, "s"));
    HttpResponse<String> answer = get(authorizeUri(null, CALLBACK, "s"));

    assertThat(answer.statusCode()).isEqualTo(302);
    Map<String, String> callback = query(location(answer));
    assertThat(callback).containsEntry("error", "invalid_request").doesNotContainKey("code");
  }

  @Test
  void sendsCodesOnlyToTheRegisteredCallback() throws Exception {
    URI elsewhere = authorizeUri(Pkce.create(), "http://localhost:8080/somewhere-else", "s");

    HttpResponse<String> answer = get(elsewhere);

    // An unknown redirect URI is never redirected to.
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void aWrongPasswordGivesNoCode() throws Exception {
    HttpResponse<String> afterForm = signInForm("police", "not-the-password", authorizeUri(Pkce.create(), CALLBACK, "s"));

    assertThat(afterForm.statusCode()).isEqualTo(302);
    assertThat(location(afterForm).getPath()).isEqualTo("/login");
    assertThat(location(afterForm).getQuery()).isEqualTo("error");
  }

  @Test
  void everySignInAsksForThePasswordAgain() throws Exception {
    Pkce pkce = Pkce.create();
    signIn("shelter-manager-2", "demo-password", pkce, "first");

    HttpResponse<String> again = get(authorizeUri(Pkce.create(), CALLBACK, "second"));

    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(location(again).getPath()).isEqualTo("/login");
  }

  @Test
  void machineClientsCannotSignPeopleIn() throws Exception {
    Pkce pkce = Pkce.create();
    signInForm("police", "demo-password", authorizeUri(pkce, CALLBACK, "s"));
    URI asPoliceClient = UriComponentsBuilder.fromUri(authorizeUri(pkce, CALLBACK, "s"))
        .replaceQueryParam("client_id", "demo-police").build(true).toUri();

    HttpResponse<String> answer = get(asPoliceClient);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("code=");
  }

  /** The whole front channel: authorize, sign-in form, back to authorize, the callback's query. */
  private Map<String, String> signIn(String username, String password, Pkce pkce, String state)
      throws Exception {
    URI authorize = authorizeUri(pkce, CALLBACK, state);
    HttpResponse<String> toLogin = get(authorize);
    assertThat(toLogin.statusCode()).isEqualTo(302);
    assertThat(location(toLogin).getPath()).isEqualTo("/login");

    HttpResponse<String> afterForm = signInForm(username, password, authorize);
    assertThat(afterForm.statusCode()).as(afterForm.body()).isEqualTo(302);
    HttpResponse<String> toCallback = get(location(afterForm));
    assertThat(toCallback.statusCode()).isEqualTo(302);
    URI callback = location(toCallback);
    assertThat(callback.toString()).startsWith(CALLBACK + "?");
    return query(callback);
  }

  private HttpResponse<String> signInForm(String username, String password, URI authorize) throws Exception {
    get(authorize);
    HttpResponse<String> page = get(local("/login"));
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher csrf = CSRF_FIELD.matcher(page.body());
    assertThat(csrf.find()).as("CSRF field in the sign-in page").isTrue();
    return browser.send(HttpRequest.newBuilder(local("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                "username", username, "password", password, "_csrf", csrf.group(1)))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode redeem(String code, String verifier) throws Exception {
    HttpResponse<String> response = token(codeGrant(code, verifier));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static String codeGrant(String code, String verifier) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "authorization_code");
    fields.put("code", code);
    fields.put("redirect_uri", CALLBACK);
    if (verifier != null) {
      fields.put("code_verifier", verifier);
    }
    return form(fields);
  }

  private HttpResponse<String> token(String body) throws Exception {
    String basic = Base64.getEncoder()
        .encodeToString("safebed-console:demo-secret".getBytes(StandardCharsets.UTF_8));
    return backChannel.send(HttpRequest.newBuilder(local("/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI authorizeUri(Pkce pkce, String redirectUri, String state) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromUri(local("/oauth2/authorize"))
        .queryParam("response_type", "code")
        .queryParam("client_id", "safebed-console")
        .queryParam("scope", "openid")
        .queryParam("redirect_uri", redirectUri)
        .queryParam("state", state)
        .queryParam("nonce", "n-" + state);
    if (pkce != null) {
      uri.queryParam("code_challenge", pkce.challenge()).queryParam("code_challenge_method", "S256");
    }
    return uri.encode().build().toUri();
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return browser.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    return response.uri().resolve(location);
  }

  private static Map<String, String> query(URI uri) {
    return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap().entrySet()
        .stream().collect(Collectors.toMap(Map.Entry::getKey,
            entry -> java.net.URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private NimbusJwtDecoder verifier() {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(local("/oauth2/jwks").toString()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
    return decoder;
  }

  private URI local(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** A PKCE pair as a client makes it: a random verifier and its S256 challenge. */
  private record Pkce(String verifier, String challenge) {

    static Pkce create() throws Exception {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }
  }
}
