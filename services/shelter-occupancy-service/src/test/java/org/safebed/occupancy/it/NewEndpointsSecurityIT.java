package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;

/** The endpoints of issue 3 want a valid token and the right role, like every other. */
class NewEndpointsSecurityIT extends OccupancyIT {

  private record Call(String method, String path, String body, List<String> forbidden) {}

  private static final String POLICE = TestTokens.police("p");
  private static final String DRIVER = TestTokens.driver("d");
  private static final String OFFICER = TestTokens.housingOfficer("h", "agency");
  private static final String MANAGER = TestTokens.shelterManager("m", "shelter-x");
  private static final String SERVICE = TestTokens.service("transport-service");
  private static final String COORDINATOR = TestTokens.coordinator("c");

  private static final List<Call> CALLS = List.of(
      new Call("POST", "/api/placements/p-1/missing", null, List.of(POLICE, DRIVER, OFFICER, SERVICE, COORDINATOR)),
      new Call("POST", "/api/placements/p-1/returned", null, List.of(POLICE, DRIVER, OFFICER, SERVICE, COORDINATOR)),
      new Call("POST", "/api/placements/p-1/no-show", null, List.of(POLICE, DRIVER, OFFICER, SERVICE)),
      new Call("GET", "/api/placements/p-1/events", null, List.of(DRIVER, OFFICER, SERVICE, MANAGER)),
      new Call("POST", "/api/shelters/shelter-x/beds", "{\"count\":1}", List.of(POLICE, DRIVER, OFFICER, SERVICE)),
      new Call("POST", "/api/shelters/shelter-x/beds/shelter-x-bed-1/retire", null, List.of(POLICE, DRIVER, OFFICER, SERVICE)),
      new Call("POST", "/api/shelters/shelter-x/capacity-check", null, List.of(POLICE, DRIVER, OFFICER, SERVICE)),
      new Call("GET", "/api/shelters/shelter-x/events", null, List.of(POLICE, DRIVER, OFFICER, SERVICE)),
      new Call("GET", "/api/escalations", null, List.of(POLICE, DRIVER, OFFICER, SERVICE, MANAGER)),
      new Call("GET", "/api/alerts", null, List.of(DRIVER, OFFICER, SERVICE, MANAGER)),
      new Call("GET", "/api/statistics", null, List.of(POLICE, DRIVER, OFFICER, SERVICE, MANAGER)));

  private ServiceHttp.Response call(Call call, String token) {
    return call.method().equals("GET") ? http.get(call.path(), token) : http.post(call.path(), token, call.body());
  }

  @Test
  void missingOrInvalidTokensAre401() {
    String expired = TestTokens.token().subject("c").roles("COORDINATOR")
        .issuedAt(java.time.Instant.now().minus(java.time.Duration.ofHours(2))).sign();
    for (Call call : CALLS) {
      for (String token : new String[] {null, expired, "not-a-jwt"}) {
        ServiceHttp.Response response = call(call, token);
        assertThat(response.status()).as("%s %s", call.method(), call.path()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
      }
    }
  }

  @Test
  void wrongRolesAre403() {
    for (Call call : CALLS) {
      for (String token : call.forbidden()) {
        ServiceHttp.Response response = call(call, token);
        assertThat(response.status()).as("%s %s", call.method(), call.path()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
      }
    }
  }

  @Test
  void healthIsUpOnTheWireProtocolMongo() {
    ServiceHttp.Response health = http.get("/actuator/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
  }
}
