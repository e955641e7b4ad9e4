package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;

/** Every endpoint wants a valid token for this service, and the right role. */
class SecurityIT extends OccupancyIT {

  private record Call(String method, String path, String body) {}

  private static final String PLACEMENT = "{\"policeCaseRef\":\"PJ-1\",\"person\":{\"ageYears\":14,\"gender\":\"FEMALE\"},"
      + "\"location\":{\"lat\":1.0,\"lon\":1.0}}";

  private static final List<Call> EVERY_ENDPOINT = List.of(
      new Call("POST", "/api/placements", PLACEMENT),
      new Call("GET", "/api/placements/p-1", null),
      new Call("POST", "/api/placements/p-1/check-in", null),
      new Call("POST", "/api/placements/p-1/check-out", "{\"reason\":\"OTHER\"}"),
      new Call("POST", "/api/placements/p-1/cancel", null),
      new Call("GET", "/api/shelters", null),
      new Call("POST", "/api/shelters", "{}"),
      new Call("GET", "/api/shelters/shelter-x", null),
      new Call("PUT", "/api/shelters/shelter-x/status", "{\"status\":\"CLOSED\"}"),
      new Call("GET", "/api/shelters/shelter-x/beds", null),
      new Call("PUT", "/api/shelters/shelter-x/beds/shelter-x-bed-1/service-status", "{\"inService\":false,\"reason\":\"MAINTENANCE\"}"),
      new Call("GET", "/internal/placements/p-1/destination", null));

  private ServiceHttp.Response call(Call call, String token) {
    String[] headers = {"Idempotency-Key", UUID.randomUUID().toString(), "X-On-Behalf-Of", "d", "X-Transport-Job", "j"};
    return switch (call.method()) {
      case "GET" -> http.get(call.path(), token, headers);
      case "PUT" -> http.put(call.path(), token, call.body(), headers);
      default -> http.post(call.path(), token, call.body(), headers);
    };
  }

  @Test
  void noOrInvalidTokensAre401ProblemsEverywhere() {
    List<String> invalid = List.of(
        TestTokens.token().subject("p").roles("POLICE").audiences("safebed-transport").sign(),
        TestTokens.token().subject("p").roles("POLICE").issuedAt(Instant.now().minus(Duration.ofHours(2))).sign(),
        TestTokens.token().subject("p").roles("POLICE").signedByStranger().sign(),
        TestTokens.token().subject("p").roles("POLICE").issuer("https://evil.example").sign(),
        "not-a-jwt");
    for (Call call : EVERY_ENDPOINT) {
      ServiceHttp.Response anonymous = call(call, null);
      assertThat(anonymous.status()).as("%s %s without token", call.method(), call.path()).isEqualTo(401);
      assertThat(anonymous.isProblem()).isTrue();
      for (String token : invalid) {
        ServiceHttp.Response response = call(call, token);
        assertThat(response.status()).as("%s %s with a bad token", call.method(), call.path()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
      }
    }
  }

  @Test
  void wrongRolesAre403Problems() {
    String police = TestTokens.police("p");
    String driver = TestTokens.driver("d");
    String officer = TestTokens.housingOfficer("h", "agency");
    String manager = TestTokens.shelterManager("m", "shelter-x");
    String service = TestTokens.service("transport-service");

    assertForbidden(EVERY_ENDPOINT.get(0), driver, officer, manager, coordinator(), service);
    assertForbidden(EVERY_ENDPOINT.get(1), driver, officer, service);
    assertForbidden(EVERY_ENDPOINT.get(2), police, driver, officer, coordinator(), service);
    assertForbidden(EVERY_ENDPOINT.get(3), police, driver, officer, coordinator(), service);
    assertForbidden(EVERY_ENDPOINT.get(4), driver, officer, manager, service);
    assertForbidden(EVERY_ENDPOINT.get(5), police, driver, officer, service);
    assertForbidden(EVERY_ENDPOINT.get(6), police, driver, officer, manager, service);
    assertForbidden(EVERY_ENDPOINT.get(7), police, driver, officer, service);
    assertForbidden(EVERY_ENDPOINT.get(8), police, driver, officer, service);
    assertForbidden(EVERY_ENDPOINT.get(9), police, driver, officer, service);
    assertForbidden(EVERY_ENDPOINT.get(10), police, driver, officer, service);
    assertForbidden(EVERY_ENDPOINT.get(11), police, driver, officer, manager, coordinator());
  }

  private void assertForbidden(Call call, String... tokens) {
    for (String token : tokens) {
      ServiceHttp.Response response = call(call, token);
      assertThat(response.status()).as("%s %s", call.method(), call.path()).isEqualTo(403);
      assertThat(response.isProblem()).isTrue();
      assertThat(response.body()).doesNotContainIgnoringCase("address");
    }
  }

  @Test
  void healthIsOpenButOtherActuatorEndpointsAreNot() {
    // 200 on a real MongoDB; the wire-protocol test server lacks the 'hello' command Boot's Mongo
    // health check sends, so it reports 503 here. Either way: open, and without details.
    ServiceHttp.Response health = http.get("/actuator/health", null);
    assertThat(health.status()).isIn(200, 503);
    assertThat(health.body()).doesNotContain("mongo").doesNotContain("rabbit");
    assertThat(http.get("/actuator/env", TestTokens.police("p")).status()).isIn(403, 404);
  }
}
