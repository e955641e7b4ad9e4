package org.safebed.identity.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.safebed.identity.IdentityProviderApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Before: 100 wrong client secrets in a row were all simply answered 401, so a secret could be
 * guessed at full speed. Low limits here, so its own context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + IdentityProviderApplication.CONFIG_NAME,
      "safebed.identity.failed-authentication.max-per-client=3",
      "safebed.identity.failed-authentication.max-per-address=5",
      "safebed.identity.failed-authentication.window=1m"
    })
class ClientAuthenticationLimitTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Test
  void failuresPerClientThenPerAddressAreAnswered429UntilTheWindowEnds() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(token("demo-police", "guess-" + i).statusCode()).isEqualTo(401);
    }
    // Even the right secret: a correct guess while blocked is worth nothing.
    HttpResponse<String> blocked = token("demo-police", "demo-secret");
    assertTooManyFailures(blocked);

    // Another client from the same address is still served: 3 of the address's 5 failures.
    assertThat(token("demo-driver", "demo-secret").statusCode()).isEqualTo(200);
    assertThat(token("demo-driver", "guess-a").statusCode()).isEqualTo(401);
    assertThat(token("demo-intruder", "guess-b").statusCode()).isEqualTo(401);

    // The address has reached its limit: every client from it waits.
    assertTooManyFailures(token("demo-coordinator", "demo-secret"));
    assertTooManyFailures(token("demo-driver", "demo-secret"));
  }

  private static void assertTooManyFailures(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
    assertThat(response.body()).contains("\"status\":429").doesNotContain("demo-").doesNotContain("access_token");
  }

  private HttpResponse<String> token(String clientId, String secret) throws Exception {
    String basic = Base64.getEncoder()
        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
