package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Coordinators retire drivers for good: never offered a job again, never on duty again, refused
 * while she holds a job, and audited.
 */
class DriverRetirementIT extends TransportScenario {

  private ServiceHttp.Response retire(String driverId, String token) {
    return http.post("/api/transport/drivers/" + driverId + "/retire", token);
  }

  private List<Document> retirementsOf(String driverId) {
    return mongo.getCollection("audit_log").find(new Document("recordId", driverId).append("action", "DRIVER_RETIRED"))
        .into(new ArrayList<>());
  }

  @Test
  void aRetiredDriverIsNeverOfferedAJobAndCannotGoOnDuty() {
    String near = driver("drv-near-" + suffix(), 48.861, 2.351, true);
    String far = driver("drv-far-" + suffix(), 48.95, 2.50, true);

    ServiceHttp.Response retired = retire(near, coordinator);

    assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
    assertThat(retired.json().path("retired").asBoolean()).isTrue();
    assertThat(retired.json().path("onDuty").asBoolean()).isFalse();
    assertThat(retirementsOf(near)).singleElement().satisfies(entry -> {
      assertThat(entry.getString("actor")).isEqualTo("coordinator-1");
      assertThat(entry.getString("outcome")).isEqualTo("DONE");
    });

    String placement = newPlacementId();
    bedHeld(placement, false);
    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).as("the nearest but retired driver is passed over")
        .isEqualTo(accountOf(far));

    String herToken = TestTokens.driver(accountOf(near));
    assertProblem(http.put("/api/transport/drivers/me/availability", herToken, "{\"onDuty\":true}"), 409);
    assertThat(driverDocument(near).getBoolean("onDuty")).isFalse();
    assertThat(retire(near, coordinator).json().path("retired").asBoolean()).as("idempotent").isTrue();
    assertThat(retirementsOf(near)).hasSize(1);
  }

  @Test
  void aDriverWithAnActiveJobIsNotRetired() {
    String only = driver("drv-busy-" + suffix(), 48.861, 2.351, true);
    String placement = newPlacementId();
    bedHeld(placement, false);
    JsonNode offered = awaitJob(placement, "OFFERED");
    assertThat(offered.path("driverId").asString()).isEqualTo(accountOf(only));

    assertProblem(retire(only, coordinator), 409);
    assertThat(driverDocument(only).getBoolean("retired")).isNotEqualTo(Boolean.TRUE);
    assertThat(retirementsOf(only)).singleElement()
        .satisfies(entry -> assertThat(entry.getString("outcome")).isEqualTo("REFUSED_ACTIVE_JOB"));

    String herToken = TestTokens.driver(accountOf(only));
    String job = "/api/transport/jobs/" + offered.path("id").asString();
    assertThat(http.post(job + "/accept", herToken).status()).isEqualTo(200);
    assertThat(http.post(job + "/pick-up", herToken).status()).isEqualTo(200);
    assertProblem(retire(only, coordinator), 409);

    assertThat(http.post(job + "/deliver", herToken).status()).isEqualTo(200);
    assertThat(retire(only, coordinator).status()).as("free again").isEqualTo(200);
  }

  @Test
  void onlyCoordinatorsRetireDriversAndAnUnknownDriverIsNotFound() {
    String driver = driver("drv-kept-" + suffix(), 48.861, 2.351, true);
    assertProblem(retire(driver, TestTokens.driver(accountOf(driver))), 403);
    assertProblem(retire(driver, TestTokens.police("police-1")), 403);
    assertProblem(retire(driver, null), 401);
    assertProblem(retire("drv-nobody-" + suffix(), coordinator), 404);
    assertThat(driverDocument(driver).getBoolean("retired")).isNotEqualTo(Boolean.TRUE);
  }
}
