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
// As every service runs: problem details on, which brings Boot's own handler unless the platform's is there.
@TestPropertySource(properties = {"safebed.security.token.audience=safebed-transport",
    "spring.mvc.problemdetails.enabled=true"})
class ProblemResponsesIT {

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired org.springframework.context.ApplicationContext context;
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
  void aCallerWithoutTheRoleGets403WhateverTheBody() throws Exception {
    // Without the role gate the body would be parsed and validated first: 400, or 201 for no role check.
    assertProblem(send("POST", "/api/people", TestTokens.driver("d1"), "{\"caseRef\":"), 403);
    assertProblem(send("POST", "/api/people", TestTokens.driver("d1"), "{\"ageYears\":140}"), 403);
    assertProblem(send("POST", "/api/regions", TestTokens.police("p1"), "{\"caseRef\":"), 403);
    assertThat(send("POST", "/api/regions", TestTokens.coordinator("c1"), "{\"caseRef\":\"PJ-1\",\"ageYears\":3}")
        .statusCode()).isEqualTo(201);
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
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":\"PJ-1\",\"ageYears\":\"\"}"), 400);
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":\"PJ-1\",\"ageYears\":14.5}"), 400);
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":{\"$ne\":null},\"ageYears\":14}"), 400);
  }

  @Test
  void datesMustBeDatesAndListsMustNotHoldNulls() throws Exception {
    String token = TestTokens.police("p1");
    assertThat(send("POST", "/api/people", token,
        "{\"caseRef\":\"PJ-1\",\"ageYears\":14,\"since\":\"2026-12-01\",\"aliases\":[\"a\"]}").statusCode())
        .isEqualTo(201);
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":\"PJ-1\",\"ageYears\":14,\"since\":20000}"), 400);
    assertProblem(send("POST", "/api/people", token,
        "{\"caseRef\":\"PJ-1\",\"ageYears\":14,\"since\":\"2026-12-01T00:00:00Z\"}"), 400);
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":\"PJ-1\",\"ageYears\":14,\"aliases\":[null]}"), 400);
  }

  @Test
  void anExplicitNullIsRefusedWhereAnAbsentValueIsAccepted() throws Exception {
    String token = TestTokens.police("p1");
    assertThat(send("POST", "/api/people", token, "{\"caseRef\":\"PJ-1\",\"ageYears\":14}").statusCode())
        .isEqualTo(201);
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":\"PJ-1\",\"ageYears\":14,\"aliases\":null}"), 400);
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":\"PJ-1\",\"ageYears\":14,\"since\":null}"), 400);
  }

  @Test
  void aKeyRepeatedInAnObjectIsRefusedNotTheLastOneApplied() throws Exception {
    String token = TestTokens.police("p1");
    assertThat(send("POST", "/api/people/p-1/profile", token, "{\"status\":\"OPEN\"}").body()).contains("OPEN");
    assertProblem(send("POST", "/api/people/p-1/profile", token, "{\"status\":\"OPEN\",\"status\":\"CLOSED\"}"), 400);
    assertProblem(send("POST", "/api/people/p-1/profile", token,
        "{\"status\":\"OPEN\",\"home\":{\"line\":\"a\",\"line\":\"b\"}}"), 400);
  }

  @Test
  void controlCharactersInTextValuesAreRefusedEvenTabsAndNewlines() throws Exception {
    String token = TestTokens.police("p1");
    assertThat(send("POST", "/api/people/p-1/profile", token,
        "{\"status\":\"OPEN\",\"notes\":[\"Ça va, 12 rue de l’Été ✓\"]}").statusCode()).isEqualTo(200);
    for (String bad : java.util.List.of("\\u0000", "\\u0007", "\\u001b[31m", "\\t", "\\n", "\\r", "\\u007f", "\\u0085",
        "\\u2028")) {
      var refused = send("POST", "/api/people/p-1/profile", token,
          "{\"status\":\"OPEN\",\"home\":{\"line\":\"Secret" + bad + "Street\"}}");
      assertProblem(refused, 400);
      assertThat(refused.body()).as(bad).doesNotContain("Secret");
      assertProblem(send("POST", "/api/people/p-1/profile", token,
          "{\"status\":\"OPEN\",\"notes\":[\"x" + bad + "\"]}"), 400);
    }
    assertProblem(send("POST", "/api/people", token, "{\"caseRef\":\"PJ-1\\u0000\",\"ageYears\":14}"), 400);
  }

  @Test
  void aRepeatedItemOfAUniqueItemsListIsRefusedNotCollapsed() throws Exception {
    String token = TestTokens.police("p1");
    assertThat(send("POST", "/api/people/p-1/profile", token,
        "{\"status\":\"OPEN\",\"languages\":[\"fr\",\"nl\"],\"notes\":[\"a\",\"a\"],\"home\":{\"rooms\":[1,2]}}")
        .statusCode()).as("a plain list may repeat").isEqualTo(200);
    assertProblem(send("POST", "/api/people/p-1/profile", token, "{\"status\":\"OPEN\",\"languages\":[\"fr\",\"fr\"]}"), 400);
    assertProblem(send("POST", "/api/people/p-1/profile", token,
        "{\"status\":\"OPEN\",\"home\":{\"rooms\":[1,2,1]}}"), 400);
  }

  @Test
  void aUrlTheFirewallRefusesGetsAProblemThatDoesNotRepeatIt() throws Exception {
    String token = TestTokens.police("p1");
    for (String path : java.util.List.of("/api/people/Secret%3BName", "/api/people/Secret;Name", "/api/people/Secret%2FName")) {
      var refused = send("GET", path, token, null);
      assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertProblem(refused, 400);
      assertThat(refused.body()).doesNotContain("Secret");
    }
  }

  @Test
  void aUuidParameterMustBeCanonical() throws Exception {
    String token = TestTokens.police("p1");
    assertThat(sendWithKey("/api/cases", token, "0f8fad5b-d9cb-469f-a165-70867728950e").statusCode()).isEqualTo(200);
    // UUID.fromString takes these and reads them as other keys' spellings.
    assertProblem(sendWithKey("/api/cases", token, "1-1-1-1-1"), 400);
    assertProblem(sendWithKey("/api/cases", token, "f8fad5b-d9cb-469f-a165-70867728950e"), 400);
  }

  @Test
  void parameterAndHeaderErrorsNameTheParameterButNeverEchoTheValue() throws Exception {
    String token = TestTokens.police("p1");
    String secret = "Secret-Name-12-Rue-Cachee";
    var badEnum = sendWithKey("/api/cases?status=" + secret, token, java.util.UUID.randomUUID().toString());
    var badNumber = sendWithKey("/api/cases?limit=" + secret, token, java.util.UUID.randomUUID().toString());
    var badHeader = sendWithKey("/api/cases", token, secret);
    var missingHeader = send("GET", "/api/cases", token, null);
    var noSuchPath = send("GET", "/api/" + secret + "/x", token, null);
    var wrongMethod = send("DELETE", "/api/people/" + secret, token, null);
    var wrongType = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/people"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "text/" + secret)
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

    assertProblem(badEnum, 400);
    assertThat(badEnum.body()).contains("status");
    assertProblem(badNumber, 400);
    assertThat(badNumber.body()).contains("limit");
    assertProblem(badHeader, 400);
    assertProblem(missingHeader, 400);
    assertThat(missingHeader.body()).contains("Idempotency-Key");
    assertProblem(noSuchPath, 404);
    assertProblem(wrongMethod, 405);
    assertProblem(wrongType, 415);
    for (var response : java.util.List.of(badEnum, badNumber, badHeader, wrongType)) {
      assertThat(response.body()).doesNotContain(secret).doesNotContain("Secret");
    }
    // The caller's own path stays in "instance" (RFC 9457); the detail never repeats it.
    for (var response : java.util.List.of(noSuchPath, wrongMethod)) {
      assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body())
          .get("detail").asString()).doesNotContain(secret);
    }
  }

  private HttpResponse<String> sendWithKey(String path, String token, String key) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).header("Idempotency-Key", key).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Boot adds its own handler (ordered first) when problem details are on and no other exists; its
   * details quote rejected values. The platform's must be the only one.
   */
  @Test
  void thePlatformsHandlerIsTheOnlyOne() {
    assertThat(context.getBeansOfType(
        org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler.class).values())
        .singleElement().isInstanceOf(ProblemExceptionHandler.class);
  }

  @Test
  void aUseCasesRefusalIsAnsweredByThePlatformsHandler() throws Exception {
    var response = send("GET", "/api/people/p-1/placement", TestTokens.police("p1"), null);
    assertProblem(response, 409);
    assertThat(response.body()).contains("https://safebed.example/problems/conflict")
        .contains("The placement changed meanwhile");
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
