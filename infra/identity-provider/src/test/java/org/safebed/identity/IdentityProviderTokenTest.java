package org.safebed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + IdentityProviderApplication.CONFIG_NAME)
class IdentityProviderTokenTest {

  private static final String ISSUER = "http://localhost:9000";
  private static final List<String> ALL_AUDIENCES = List.of(
      "safebed-gateway", "safebed-shelter-occupancy", "safebed-transport", "safebed-rental-referral");
  private static final List<String> DEMO_SHELTERS = List.of(
      "shelter-north-1", "shelter-north-2", "shelter-north-3", "shelter-central-1",
      "shelter-central-2", "shelter-central-3", "shelter-south-1", "shelter-south-2");

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  static Stream<Arguments> demoClients() {
    return Stream.of(
        Arguments.of("demo-police", List.of("POLICE"), List.of(), "police-demo", ALL_AUDIENCES),
        Arguments.of("demo-police-2", List.of("POLICE"), List.of(), "police-demo-2", ALL_AUDIENCES),
        Arguments.of("demo-coordinator", List.of("COORDINATOR"), List.of(), null, ALL_AUDIENCES),
        Arguments.of("demo-shelter-manager", List.of("SHELTER_MANAGER"), DEMO_SHELTERS, null,
            ALL_AUDIENCES),
        Arguments.of("demo-shelter-manager-2", List.of("SHELTER_MANAGER"),
            List.of("shelter-south-2"), null, ALL_AUDIENCES),
        Arguments.of("demo-housing-officer", List.of("HOUSING_OFFICER"), List.of(),
            "agency-demo-housing", ALL_AUDIENCES),
        Arguments.of("demo-housing-officer-2", List.of("HOUSING_OFFICER"), List.of(),
            "agency-other-housing", ALL_AUDIENCES),
        Arguments.of("demo-driver", List.of("DRIVER"), List.of(), null, ALL_AUDIENCES),
        Arguments.of("demo-driver-2", List.of("DRIVER"), List.of(), null, ALL_AUDIENCES),
        Arguments.of("demo-driver-3", List.of("DRIVER"), List.of(), null, ALL_AUDIENCES),
        Arguments.of("transport-service", List.of("SERVICE"), List.of(), null,
            List.of("safebed-shelter-occupancy", "safebed-rental-referral")));
  }

  /** The probes an orchestrator would use: open, UP/DOWN only. */
  @Test
  void livenessAndReadinessProbesAreOpenAndSayOnlyUpOrDown() throws Exception {
    for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(probe).isEqualTo(200);
      assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
    }
  }

  @ParameterizedTest
  @MethodSource("demoClients")
  void issuesSignedTokensWithTheAccountsClaims(
      String clientId, List<String> roles, List<String> shelterIds, String agencyId,
      List<String> audiences) throws Exception {
    HttpResponse<String> response = send(basicTokenRequest(clientId, "demo-secret"));

    assertThat(response.statusCode()).isEqualTo(200);
    // Machine clients never get a session: only people signing in to the console do.
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.path("expires_in").asLong()).isBetween(890L, 900L);

    Jwt jwt = verifier().decode(body.path("access_token").asString());
    assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
    assertThat(jwt.getSubject()).isEqualTo(clientId);
    assertThat(jwt.getIssuer()).hasToString(ISSUER);
    assertThat(jwt.getAudience()).containsExactlyInAnyOrderElementsOf(audiences);
    assertThat(jwt.getClaimAsStringList("roles")).containsExactlyElementsOf(roles);
    if (shelterIds.isEmpty()) {
      assertThat(jwt.hasClaim("shelter_ids")).isFalse();
    } else {
      assertThat(jwt.getClaimAsStringList("shelter_ids")).containsExactlyElementsOf(shelterIds);
    }
    assertThat(jwt.getClaimAsString("agency_id")).isEqualTo(agencyId);
    assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void acceptsTheSecretInTheRequestBody() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(tokenUri())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(form("grant_type=client_credentials&client_id=demo-police&client_secret="
            + URLEncoder.encode("demo-secret", StandardCharsets.UTF_8)))
        .build());

    assertThat(response.statusCode()).isEqualTo(200);
    Jwt jwt = verifier().decode(json.readTree(response.body()).path("access_token").asString());
    assertThat(jwt.getSubject()).isEqualTo("demo-police");
  }

  @Test
  void refusesAWrongSecret() throws Exception {
    HttpResponse<String> response = send(basicTokenRequest("demo-police", "not-the-secret"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("access_token");
  }

  @Test
  void refusesAnUnknownClient() throws Exception {
    HttpResponse<String> response = send(basicTokenRequest("demo-intruder", "demo-secret"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("access_token");
  }

  @Test
  void hasNoLoadTestAccountsUnlessConfigured() throws Exception {
    assertThat(send(basicTokenRequest("load-police-1", "demo-secret")).statusCode()).isEqualTo(401);
    assertThat(send(basicTokenRequest("load-driver-1", "demo-secret")).statusCode()).isEqualTo(401);
  }

  @Test
  void refusesARequestWithoutClientCredentials() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(tokenUri())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(form("grant_type=client_credentials"))
        .build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void theConsoleClientCannotUseClientCredentials() throws Exception {
    HttpResponse<String> response = send(basicTokenRequest("safebed-console", "demo-secret"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("access_token");
  }

  @Test
  void publishesDiscoveryWithTheConfiguredIssuer() throws Exception {
    HttpResponse<String> response = send(
        HttpRequest.newBuilder(local("/.well-known/openid-configuration")).GET().build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode discovery = json.readTree(response.body());
    assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
    assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
    assertThat(discovery.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
  }

  @Test
  void healthIsPublicAndOtherPathsAnswerProblemJson() throws Exception {
    assertThat(send(HttpRequest.newBuilder(local("/actuator/health")).GET().build()).statusCode())
        .isEqualTo(200);

    HttpResponse<String> other = send(HttpRequest.newBuilder(local("/actuator/env")).GET().build());
    assertThat(other.statusCode()).isEqualTo(401);
    assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(other.body()).path("status").asInt()).isEqualTo(401);
  }

  private NimbusJwtDecoder verifier() {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(local("/oauth2/jwks").toString()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
    return decoder;
  }

  private HttpRequest basicTokenRequest(String clientId, String secret) {
    String credentials = Base64.getEncoder()
        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(tokenUri())
        .header("Authorization", "Basic " + credentials)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(form("grant_type=client_credentials"))
        .build();
  }

  private static HttpRequest.BodyPublisher form(String body) {
    return HttpRequest.BodyPublishers.ofString(body);
  }

  private URI tokenUri() {
    return local("/oauth2/token");
  }

  private URI local(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
