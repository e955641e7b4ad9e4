package org.safebed.localstack.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.localstack.journey.GatewayClient.Reply;
import org.safebed.platform.testing.RawHttp;

/** Every error through the gateway is problem+json with the right status. */
class GatewayErrorsIT {

  private static GatewayClient gateway;

  @BeforeAll
  static void startStack() {
    gateway = RunningStack.client();
  }

  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.isProblem()).as("problem+json: " + reply.contentType()).isTrue();
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void unknownIdsAre404() {
    assertProblem(gateway.get("demo-police", "/api/placements/" + UUID.randomUUID()), 404);
    assertProblem(gateway.get("demo-driver", "/api/transport/jobs/job-" + UUID.randomUUID()), 404);
    assertProblem(gateway.get("demo-housing-officer", "/api/referrals/" + UUID.randomUUID()), 404);
  }

  @Test
  void missingOrInvalidTokensAre401() {
    assertProblem(gateway.anonymous("GET", "/api/shelters", null), 401);
    assertProblem(gateway.anonymous("GET", "/api/transport/jobs", "Bearer not-a-token"), 401);
    assertProblem(gateway.anonymous("GET", "/api/referrals", "Basic ZGVtbzpkZW1v"), 401);
  }

  @Test
  void wrongRolesAre403() {
    assertProblem(gateway.post("demo-driver", "/api/placements", FirstJourneyIT.REQUEST,
        Map.of("Idempotency-Key", UUID.randomUUID().toString())), 403);
    assertProblem(gateway.get("demo-police", "/api/transport/jobs"), 403);
    assertProblem(gateway.get("demo-police", "/api/referrals"), 403);
    assertProblem(gateway.get("demo-driver", "/api/shelters"), 403);
  }

  @Test
  void malformedOrInvalidBodiesAre400AndChangeNothing() {
    int sheltersBefore = gateway.get("demo-coordinator", "/api/shelters").json().size();
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    assertProblem(gateway.post("demo-police", "/api/placements", "{\"policeCaseRef\": ", key), 400);
    assertProblem(gateway.post("demo-police", "/api/placements",
        FirstJourneyIT.REQUEST.replace("\"ageYears\": 14", "\"ageYears\": 140"),
        Map.of("Idempotency-Key", UUID.randomUUID().toString())), 400);
    assertProblem(gateway.post("demo-police", "/api/placements",
        FirstJourneyIT.REQUEST.replace("\"lat\": 48.9362", "\"lat\": 123.0"),
        Map.of("Idempotency-Key", UUID.randomUUID().toString())), 400);
    assertProblem(gateway.post("demo-police", "/api/placements",
        FirstJourneyIT.REQUEST.replace("\"needs\": []", "\"needs\": [], \"$where\": \"1\""),
        Map.of("Idempotency-Key", UUID.randomUUID().toString())), 400);
    assertProblem(gateway.post("demo-coordinator", "/api/shelters", "{\"codeName\": \"\"}"), 400);
    // Explicit nulls are not "absent": the contract has no nullable request property.
    assertProblem(gateway.post("demo-police", "/api/placements",
        FirstJourneyIT.REQUEST.replace("\"needs\": []", "\"needs\": null"),
        Map.of("Idempotency-Key", UUID.randomUUID().toString())), 400);
    // UUID.fromString would read this as a spelling of 00000001-0001-0001-0001-000000000001.
    assertProblem(gateway.post("demo-police", "/api/placements", FirstJourneyIT.REQUEST,
        Map.of("Idempotency-Key", "1-1-1-1-1")), 400);
    assertThat(gateway.get("demo-coordinator", "/api/shelters").json().size()).isEqualTo(sheltersBefore);
  }

  @Test
  void urlsTheFirewallsRefuseAreProblemsThatDoNotRepeatThem() {
    for (String path : List.of("/api/shelters/Secret%3BName", "/api/shelters/Secret;Name/beds",
        "/api/referrals/Secret%2FName")) {
      Reply refused = gateway.get("demo-coordinator", path);
      assertProblem(refused, 400);
      assertThat(refused.body()).doesNotContain("Secret");
    }
  }

  /**
   * Before: each of these reached the service, which answered 500; 25 of them opened the route's
   * circuit breaker and every user got 503 for 10 s. Client mistakes now never count.
   */
  @Test
  void malformedRequestsFromOneUserNeverTakeTheRouteFromOthers() throws Exception {
    String police = "Authorization: Bearer " + gateway.token("demo-police");
    for (int i = 0; i < 40; i++) {
      for (String target : List.of("/api/shelters?region=%C0%AE", "/api/placements?x=%ff",
          "/api/shelters?status[$ne]=x", "/api/placements/%ff")) {
        assertRawProblem(RawHttp.exchange(gatewayPort(), "GET", target, police), 400);
      }
    }

    assertThat(gateway.get("demo-coordinator", "/api/shelters").status()).isEqualTo(200);
  }

  /** Requests a client library refuses to send, each refused with a problem that does not repeat it. */
  @Test
  void everyRefusalAtTheEdgeIsAProblem() throws Exception {
    String token = "Authorization: Bearer " + gateway.token("demo-coordinator");
    int port = gatewayPort();
    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters?Secret=%", token), 400);
    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters/Secret\\x", token), 400);
    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters/Secret%ff", token), 400);
    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters?status[$ne]=Secret", token), 400);
    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters?Secret=%00", token), 400);
    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters", token, "X-Secret: a\u0000b"), 400);
    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters?q=" + "Secret".repeat(1_000), token), 414);
    assertRawProblem(RawHttp.exchange(port, "GET", "/api/shelters", token, "X-Secret: " + "x".repeat(20_000)), 431);
  }

  /** Before: forwarded with a chunked empty body, which the service refused as too large (413). */
  @Test
  void optionsWithABearerTokenIsNotRefusedAsTooLarge() throws Exception {
    RawHttp.Answer options = RawHttp.exchange(gatewayPort(), "OPTIONS", "/api/shelters",
        "Authorization: Bearer " + gateway.token("demo-coordinator"));

    assertThat(options.status()).as(options.body()).isEqualTo(200);
  }

  private static int gatewayPort() {
    return java.net.URI.create(RunningStack.get().gatewayUrl()).getPort();
  }

  private static void assertRawProblem(RawHttp.Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.isProblem()).as("problem+json: " + answer.contentType()).isTrue();
    assertThat(answer.body()).contains("\"status\":" + status)
        .doesNotContain("Secret").doesNotContain("Exception").doesNotContainIgnoringCase("<html");
  }

  @Test
  void internalPathsAreNotReachableThroughTheGateway() {
    Reply internal = gateway.get("demo-driver", "/internal/placements/" + UUID.randomUUID() + "/destination");
    assertThat(internal.status()).isIn(403, 404);
    assertThat(internal.body()).doesNotContain("address\":");
  }
}
