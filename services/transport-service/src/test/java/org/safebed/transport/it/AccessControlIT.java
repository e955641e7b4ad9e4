package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;

/** Every endpoint: the right role, the right owner, a valid token; refusals as problem+json. */
class AccessControlIT extends TransportScenario {

  private final String police = TestTokens.police("police-1");
  private final String manager = TestTokens.shelterManager("manager-1", "shelter-alpha");

  @Test
  void aDriverSeesOnlyTheirOwnJobsAndACoordinatorSeesAll() {
    String mine = driver("drv-mine", 48.87, 2.36, true);
    String theirs = driver("drv-theirs", 43.30, 5.37, true);
    String placementNearMine = newPlacementId();
    String placementNearTheirs = newPlacementId();
    bedHeld(placementNearMine, true);
    awaitJob(placementNearMine, "OFFERED");
    broker.publish(
        "placement.bed-held.v1", placementNearTheirs,
        withPickup(bedHeldData(placementNearTheirs, true), 43.30, 5.37));
    awaitJob(placementNearTheirs, "OFFERED");

    ServiceHttp.Response myList = http.get("/api/transport/jobs", TestTokens.driver("drv-mine"));
    assertThat(myList.status()).isEqualTo(200);
    assertThat(ids(myList.json())).containsExactly(jobId(placementNearMine));

    ServiceHttp.Response all = http.get("/api/transport/jobs", coordinator);
    assertThat(ids(all.json())).containsExactlyInAnyOrder(jobId(placementNearMine), jobId(placementNearTheirs));

    assertThat(mine).isNotEqualTo(theirs);
  }

  @Test
  void anotherDriversJobIsNotFoundForEveryOperation() {
    driver("drv-owner", 48.87, 2.36, true);
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    String job = "/api/transport/jobs/" + jobId(placement);
    String stranger = TestTokens.driver("drv-stranger");

    assertProblem(http.get(job, stranger), 404);
    assertProblem(http.get(job + "/destination", stranger), 404);
    for (String step : new String[] {"/accept", "/decline", "/pick-up", "/deliver"}) {
      assertProblem(http.post(job + step, stranger), 404);
    }
    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo("drv-owner");
  }

  @Test
  void anUnknownJobIsNotFound() {
    assertProblem(http.get("/api/transport/jobs/job-nothing-here", coordinator), 404);
    assertProblem(http.post("/api/transport/jobs/job-nothing-here/accept", TestTokens.driver("d")), 404);
  }

  @Test
  void rolesOutsideTransportAreRefused() {
    for (String token : new String[] {police, manager, TestTokens.housingOfficer("h-1", "agency-1")}) {
      assertProblem(http.get("/api/transport/jobs", token), 403);
      assertProblem(http.get("/api/transport/jobs/job-x", token), 403);
      assertProblem(http.get("/api/transport/drivers", token), 403);
    }
  }

  @Test
  void onlyDriversMoveJobsAndOnlyCoordinatorsManageDrivers() {
    String driverToken = TestTokens.driver("drv-roles");
    assertProblem(http.post("/api/transport/jobs/job-x/accept", coordinator), 403);
    assertProblem(http.get("/api/transport/jobs/job-x/destination", coordinator), 403);
    assertProblem(http.get("/api/transport/drivers", driverToken), 403);
    assertProblem(
        http.post("/api/transport/drivers", driverToken, registration("drv-self-made", 48.0, 2.0)), 403);
    assertProblem(http.put("/api/transport/drivers/me/availability", coordinator, "{\"onDuty\":true}"), 403);
  }

  @Test
  void internalEstimatesAreForServicesOnly() {
    String body = "{\"from\":{\"lat\":48.86,\"lon\":2.35},\"to\":[{\"lat\":48.85,\"lon\":2.40}]}";
    assertProblem(http.post("/internal/travel-estimates", coordinator, body), 403);
    assertProblem(http.post("/internal/travel-estimates", TestTokens.driver("d"), body), 403);
    assertProblem(http.post("/internal/travel-estimates", null, body), 401);

    ServiceHttp.Response estimates = http.post("/internal/travel-estimates", TestTokens.service("shelter-occupancy-service"), body);

    assertThat(estimates.status()).as(estimates.toString()).isEqualTo(200);
    assertThat(estimates.json().get(0).path("minutes").asInt()).isEqualTo(10);
    assertThat(estimates.json().get(0).path("source").asString()).isEqualTo("ROUTING");
  }

  @Test
  void estimatesFallBackToTheStraightLineWhenRoutingFailsAndKeepTheOrder() {
    OUTSIDE.resetAll();
    OUTSIDE.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/route/.*"))
            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.notFound()));
    String body =
        "{\"from\":{\"lat\":48.86,\"lon\":2.35},\"to\":[{\"lat\":48.86,\"lon\":2.35},{\"lat\":50.63,\"lon\":3.06}]}";

    ServiceHttp.Response estimates = http.post("/internal/travel-estimates", TestTokens.service("svc"), body);

    assertThat(estimates.status()).as(estimates.toString()).isEqualTo(200);
    assertThat(estimates.json().get(0).path("minutes").asInt()).isEqualTo(5);
    assertThat(estimates.json().get(1).path("minutes").asInt()).isBetween(240, 260);
    assertThat(estimates.json().get(1).path("source").asString()).isEqualTo("STRAIGHT_LINE");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"from\":{\"lat\":91,\"lon\":2.35},\"to\":[{\"lat\":48.85,\"lon\":2.40}]}",
        "{\"from\":{\"lat\":48.86,\"lon\":2.35},\"to\":[]}",
        "{\"from\":{\"lat\":48.86,\"lon\":2.35}}",
        "{\"from\":{\"lat\":48.86,\"lon\":2.35},\"to\":[{\"lat\":48.85,\"lon\":2.40}],\"extra\":1}",
        "{\"from\":{\"lat\":\"north\",\"lon\":2.35},\"to\":[{\"lat\":48.85,\"lon\":2.40}]}",
        "not json"
      })
  void badEstimateRequestsAreProblemsNotErrors(String body) {
    assertProblem(http.post("/internal/travel-estimates", TestTokens.service("svc"), body), 400);
  }

  @Test
  void tooManyDestinationsAreRefused() {
    StringBuilder to = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      to.append(i == 0 ? "" : ",").append("{\"lat\":48.85,\"lon\":2.40}");
    }
    String body = "{\"from\":{\"lat\":48.86,\"lon\":2.35},\"to\":[" + to + "]}";
    assertProblem(http.post("/internal/travel-estimates", TestTokens.service("svc"), body), 400);
  }

  @Test
  void noOrAnInvalidTokenIsUnauthorised() {
    String wrongAudience =
        TestTokens.token().subject("drv-x").roles("DRIVER").audiences("safebed-shelter-occupancy").sign();
    String expired =
        TestTokens.token().subject("drv-x").roles("DRIVER")
            .issuedAt(Instant.now().minus(Duration.ofHours(2))).lifetime(Duration.ofMinutes(5)).sign();
    String stranger = TestTokens.token().subject("drv-x").roles("DRIVER").signedByStranger().sign();
    String foreignIssuer = TestTokens.token().subject("drv-x").roles("DRIVER").issuer("https://elsewhere.test").sign();

    for (String token : new String[] {null, wrongAudience, expired, stranger, foreignIssuer, "not-a-jwt"}) {
      assertProblem(http.get("/api/transport/jobs", token), 401);
      assertProblem(http.post("/api/transport/jobs/job-x/accept", token), 401);
    }
  }

  @Test
  void coordinatorsRegisterDriversOncePerAccount() {
    ServiceHttp.Response created = http.post("/api/transport/drivers", coordinator, registration("drv-new", 48.1, 2.1));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).startsWith("/api/transport/drivers/drv-");
    assertThat(created.json().path("onDuty").asBoolean()).isTrue();
    assertThat(created.json().path("accountSubject").asString()).isEqualTo("drv-new");

    assertProblem(http.post("/api/transport/drivers", coordinator, registration("drv-new", 45.0, 1.0)), 409);

    ServiceHttp.Response all = http.get("/api/transport/drivers", coordinator);
    assertThat(all.json().size()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"accountSubject\":\"drv-a\",\"vetted\":true,\"gender\":\"FEMALE\",\"languages\":[\"fr\"],\"canEscortMinors\":true,\"base\":{\"lat\":48,\"lon\":200}}",
        "{\"accountSubject\":\"drv-a\",\"vetted\":true,\"gender\":\"ROBOT\",\"languages\":[\"fr\"],\"canEscortMinors\":true,\"base\":{\"lat\":48,\"lon\":2}}",
        "{\"accountSubject\":\"drv-a\",\"vetted\":true,\"gender\":\"FEMALE\",\"languages\":[\"french\"],\"canEscortMinors\":true,\"base\":{\"lat\":48,\"lon\":2}}",
        "{\"accountSubject\":\"drv-a\",\"vetted\":true,\"gender\":\"FEMALE\",\"languages\":[],\"canEscortMinors\":true,\"base\":{\"lat\":48,\"lon\":2}}",
        "{\"accountSubject\":\"\",\"vetted\":true,\"gender\":\"FEMALE\",\"languages\":[\"fr\"],\"canEscortMinors\":true,\"base\":{\"lat\":48,\"lon\":2}}",
        "{\"accountSubject\":\"drv-a\",\"gender\":\"FEMALE\",\"languages\":[\"fr\"],\"canEscortMinors\":true,\"base\":{\"lat\":48,\"lon\":2}}",
        "{\"accountSubject\":\"drv-a\",\"vetted\":true,\"gender\":\"FEMALE\",\"languages\":[\"fr\"],\"canEscortMinors\":true,\"base\":{\"lat\":48,\"lon\":2},\"currentJobId\":\"job-x\"}"
      })
  void badRegistrationsAreProblemsAndWriteNothing(String body) {
    assertProblem(http.post("/api/transport/drivers", coordinator, body), 400);
    assertThat(mongo.getCollection("drivers").countDocuments()).isZero();
  }

  @Test
  void driversGoOnAndOffDutyThemselves() {
    String driverId = driver("drv-duty", 48.87, 2.36, true);
    String token = TestTokens.driver("drv-duty");

    ServiceHttp.Response off = http.put("/api/transport/drivers/me/availability", token, "{\"onDuty\":false}");

    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(off.json().path("onDuty").asBoolean()).isFalse();
    assertThat(driverDocument(driverId).getBoolean("onDuty")).isFalse();
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "UNASSIGNED"); // nobody on duty

    assertProblem(http.put("/api/transport/drivers/me/availability", TestTokens.driver("drv-unknown"), "{\"onDuty\":true}"), 404);
    assertProblem(http.put("/api/transport/drivers/me/availability", token, "{\"onDuty\":\"yes\"}"), 400);
    assertProblem(http.put("/api/transport/drivers/me/availability", token, "{}"), 400);
  }

  @Test
  void aBadStatusFilterIsABadRequest() {
    assertProblem(http.get("/api/transport/jobs?status=LOST", coordinator), 400);
  }

  private static String registration(String subject, double lat, double lon) {
    return """
        {"accountSubject":"%s","vetted":true,"gender":"MALE","languages":["fr"],
         "canEscortMinors":false,"base":{"lat":%s,"lon":%s},"onDuty":true}
        """
        .formatted(subject, lat, lon);
  }

  private static java.util.Map<String, Object> withPickup(java.util.Map<String, Object> data, double lat, double lon) {
    data.put("pickupArea", java.util.Map.of("lat", lat, "lon", lon));
    return data;
  }
}
