package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A driver record reached from several accounts: the demo people ({@code driver}) are the demo
 * drivers ({@code demo-driver}), whichever account signs in. An account is one driver's only.
 */
class LinkedAccountsIT extends TransportScenario {

  @Test
  void thePersonSeesAndAcceptsTheOfferMadeToTheDriverSheIsAndTheServiceAccountDrivesIt() {
    String demoDriver = "demo-driver-" + suffix();
    String person = "driver-" + suffix();
    String driverId = driverWithLinks(demoDriver, person);
    String personToken = TestTokens.driver(person);
    String demoToken = TestTokens.driver(demoDriver);
    String placement = newPlacementId();

    bedHeld(placement, false);
    JsonNode offered = awaitJob(placement, "OFFERED");

    assertThat(offered.path("driverId").asString()).isEqualTo(demoDriver);
    assertThat(ids(http.get("/api/transport/jobs", personToken).json())).containsExactly(jobId(placement));
    JsonNode me = http.get("/api/transport/drivers/me", personToken).json();
    assertThat(me.path("id").asString()).isEqualTo(driverId);
    assertThat(me.path("currentJobId").asString()).isEqualTo(jobId(placement));
    assertThat(me.path("onDuty").asBoolean()).isTrue();
    assertThat(me.path("inDutyWindow").asBoolean()).isTrue();

    String job = "/api/transport/jobs/" + jobId(placement);
    ServiceHttp.Response accepted = http.post(job + "/accept", personToken);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");

    // Accepted by one account, driven through the other: one driver.
    assertThat(http.get(job, demoToken).json().path("status").asString()).isEqualTo("ACCEPTED");
    assertThat(http.post(job + "/pick-up", demoToken).status()).isEqualTo(200);
    assertThat(http.get(job, personToken).json().path("status").asString()).isEqualTo("PICKED_UP");
    assertThat(http.post(job + "/deliver", personToken).status()).isEqualTo(200);
  }

  @Test
  void theDutySwitchOfOneAccountIsTheOtherOnesToo() {
    String demoDriver = "demo-driver-" + suffix();
    String person = "driver-" + suffix();
    driverWithLinks(demoDriver, person);

    ServiceHttp.Response off = http.put("/api/transport/drivers/me/availability", TestTokens.driver(person), "{\"onDuty\":false}");

    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(http.get("/api/transport/drivers/me", TestTokens.driver(demoDriver)).json().path("onDuty").asBoolean())
        .isFalse();
    String placement = newPlacementId();
    bedHeld(placement, false);
    assertThat(awaitJob(placement, "UNASSIGNED").path("driverId").isMissingNode()).isTrue();
  }

  @Test
  void anUnlinkedDriverAccountSeesNothing() {
    driverWithLinks("demo-driver-" + suffix(), "driver-" + suffix());
    String placement = newPlacementId();
    bedHeld(placement, false);
    awaitJob(placement, "OFFERED");
    String stranger = TestTokens.driver("driver-" + suffix());

    assertThat(http.get("/api/transport/jobs", stranger).json()).isEmpty();
    assertProblem(http.get("/api/transport/jobs/" + jobId(placement), stranger), 404);
    assertProblem(http.post("/api/transport/jobs/" + jobId(placement) + "/accept", stranger), 404);
    assertProblem(http.get("/api/transport/drivers/me", stranger), 404);
  }

  @Test
  void anAccountLinkedElsewhereOrAnotherDriversOwnIsRefused() {
    String first = "demo-driver-" + suffix();
    String person = "driver-" + suffix();
    driverWithLinks(first, person);
    String second = "demo-driver-" + suffix();

    assertProblem(register(second, person), 409);
    assertProblem(register(second, first), 409);
    // A new driver whose own account is already a linked one.
    assertProblem(register(person), 409);
    assertThat(http.get("/api/transport/drivers", coordinator).json()).hasSize(1);
    assertThat(ids(http.get("/api/transport/drivers", coordinator).json())).hasSize(1);
    assertThat(http.get("/api/transport/drivers", coordinator).json().path(0).path("linkedAccounts").path(0).asString())
        .isEqualTo(person);
  }

  @Test
  void anUpdateReplacesTheLinks() {
    String demoDriver = "demo-driver-" + suffix();
    String person = "driver-" + suffix();
    String other = "driver-" + suffix();
    String driverId = driverWithLinks(demoDriver, person);

    ServiceHttp.Response updated = http.put("/api/transport/drivers/" + driverId, coordinator, """
        {"vetted":true,"gender":"FEMALE","languages":["fr"],"canEscortMinors":true,
         "base":{"lat":48.86,"lon":2.35},"linkedAccounts":["%s"]}""".formatted(other));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().path("linkedAccounts").toString()).isEqualTo("[\"" + other + "\"]");
    assertProblem(http.get("/api/transport/drivers/me", TestTokens.driver(person)), 404);
    assertThat(http.get("/api/transport/drivers/me", TestTokens.driver(other)).json().path("id").asString())
        .isEqualTo(driverId);
  }

  @Test
  void linksAreBoundedAndValidated() {
    assertProblem(register("demo-driver-" + suffix(), "a", "b", "c", "d", "e", "f"), 400);
    assertProblem(register("demo-driver-" + suffix(), "-bad"), 400);
    String own = "demo-driver-" + suffix();
    assertProblem(register(own, own), 400);
  }

  private String driverWithLinks(String subject, String... linked) {
    ServiceHttp.Response created = register(subject, linked);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private ServiceHttp.Response register(String subject, String... linked) {
    String accounts = String.join(",", java.util.Arrays.stream(linked).map(a -> '"' + a + '"').toList());
    return http.post("/api/transport/drivers", coordinator, """
        {"accountSubject":"%s","vetted":true,"gender":"FEMALE","languages":["fr"],"canEscortMinors":true,
         "base":{"lat":48.86,"lon":2.35},"onDuty":true,"linkedAccounts":[%s]}""".formatted(subject, accounts));
  }
}
