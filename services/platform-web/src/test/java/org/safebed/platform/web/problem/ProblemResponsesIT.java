package org.safebed.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.SafeBedServiceTest;
import org.safebed.platform.testing.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@SafeBedServiceTest
@TestPropertySource(properties = "safebed.security.token.audience=safebed-transport")
class ProblemResponsesIT {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":" + status).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void validRequestPassesWithTheCallerFromTheToken() throws Exception {
    var response = send("POST", "/api/people", TestTokens.police("officer-1"), "{\"caseRef\":\"PJ-1\",\"ageYears\":14}");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).contains("officer-1");
  }

  @Test
  void missingExpiredOrForeignTokensAre401() throws Exception {
    assertProblem(send("GET", "/api/people/x", null, null), 401);
    assertProblem(send("GET", "/api/people/x", "not-a-jwt", null), 401);
    assertProblem(send("GET", "/api/people/x",
        TestTokens.token().subject("p").roles("POLICE").audiences("safebed-gateway").sign(), null), 401);
    assertProblem(send("GET", "/api/people/x",
        TestTokens.token().subject("p").roles("POLICE").issuedAt(java.time.Instant.now().minusSeconds(3600)).sign(), null), 401);
    assertProblem(send("GET", "/api/people/x",
        TestTokens.token().subject("p").roles("POLICE").signedByStranger().sign(), null), 401);
  }

  @Test
  void wrongRoleIs403AndInternalPathsAreForServicesOnly() throws Exception {
    assertProblem(send("GET", "/api/people/x", TestTokens.driver("d1"), null), 403);
    assertProblem(send("GET", "/internal/ping", TestTokens.police("p1"), null), 403);
    assertThat(send("GET", "/internal/ping", TestTokens.service("transport-service"), null).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownIdIs404() throws Exception {
    assertProblem(send("GET", "/api/people/x", TestTokens.police("p1"), null), 404);
  }

  @Test
  void malformedUnknownFieldsAndInvalidValuesAre400WithoutEchoingInput() throws Exception {
    String token = TestTokens.police("p1");
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":"), 400);
    var unknownField = send("POST", "/api/people", token, "{\"caseRef\":\"PJ-1\",\"ageYears\":14,\"$where\":\"x\"}");
    assertProblem(unknownField, 400);
    var invalid = send("POST", "/api/people", token, "{\"caseRef\":\"Secret-Name\",\"ageYears\":140}");
    assertProblem(invalid, 400);
    assertThat(invalid.body()).contains("ageYears").doesNotContain("140").doesNotContain("Secret-Name");
  }

  @Test
  void valuesOfTheWrongJsonTypeAre400() throws Exception {
    String token = TestTokens.police("p1");
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":42,\"ageYears\":14}"), 400);
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":\"PJ-1\",\"ageYears\":\"14\"}"), 400);
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":\"PJ-1\",\"ageYears\":14.5}"), 400);
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":{\"$ne\":null},\"ageYears\":14}"), 400);
  }

  @Test
  void oversizedBodyIs413() throws Exception {
    String huge = "{\"caseRef\":\"" + "x".repeat(70_000) + "\",\"ageYears\":1}";
    assertProblem(send("POST", "/api/people", TestTokens.police("p1"), huge), 413);
  }

  @Test
  void healthIsPublicAndUpOnTheWireProtocolMongo() throws Exception {
    var response = send("GET", "/actuator/health", null, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void unexpectedFailureIsABare500WithoutDetails() throws Exception {
    var response = send("GET", "/api/boom", TestTokens.police("p1"), null);
    assertProblem(response, 500);
    assertThat(response.body()).doesNotContain("Rue").doesNotContain("secret");
  }
}
