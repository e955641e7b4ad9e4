package org.safebed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/** With load-test accounts configured, as the benchmark's stack has them. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.config.name=" + IdentityProviderApplication.CONFIG_NAME,
        "safebed.identity.load-test-police.count=5",
        "safebed.identity.load-test-drivers.count=2"})
class LoadTestAccountsTokenTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Test
  void aLoadTestPoliceAccountGetsAPoliceTokenOfTheLoadTestAgency() throws Exception {
    HttpResponse<String> response = token("load-police-3", "demo-secret");

    assertThat(response.statusCode()).isEqualTo(200);
    Jwt jwt = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build()
        .decode(JsonMapper.builder().build().readTree(response.body()).path("access_token").asString());
    assertThat(jwt.getSubject()).isEqualTo("load-police-3");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("POLICE");
    assertThat(jwt.getClaimAsString("agency_id")).isEqualTo("police-load-test");
    assertThat(jwt.getAudience()).contains("safebed-gateway", "safebed-shelter-occupancy");
  }

  @Test
  void aLoadTestDriverAccountGetsADriverToken() throws Exception {
    HttpResponse<String> response = token("load-driver-2", "demo-secret");

    assertThat(response.statusCode()).isEqualTo(200);
    Jwt jwt = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build()
        .decode(JsonMapper.builder().build().readTree(response.body()).path("access_token").asString());
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("DRIVER");
    assertThat(jwt.hasClaim("agency_id")).isFalse();
  }

  @Test
  void onlyTheConfiguredNumbersWithTheirSecretGetTokens() throws Exception {
    assertThat(token("load-police-6", "demo-secret").statusCode()).isEqualTo(401);
    assertThat(token("load-police-03", "demo-secret").statusCode()).isEqualTo(401);
    assertThat(token("load-driver-3", "demo-secret").statusCode()).isEqualTo(401);
    assertThat(token("load-police-1", "not-the-secret").statusCode()).isEqualTo(401);
    // The listed demo accounts are still there.
    assertThat(token("demo-police", "demo-secret").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> token(String clientId, String secret) throws Exception {
    String credentials = Base64.getEncoder()
        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
