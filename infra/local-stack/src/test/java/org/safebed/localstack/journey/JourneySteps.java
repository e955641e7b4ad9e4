package org.safebed.localstack.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.safebed.localstack.journey.GatewayClient.Reply;
import tools.jackson.databind.JsonNode;

/** Look-ups the journeys share: a shelter by its code name, and which driver was offered a job. */
final class JourneySteps {

  static final List<String> DRIVERS = List.of("demo-driver", "demo-driver-2", "demo-driver-3");

  private JourneySteps() {}

  /** A job as the driver it is offered or assigned to sees it. */
  record DriversJob(String driver, JsonNode job) {
    String id() {
      return job.get("id").asString();
    }
  }

  /** The shelter of that code name in the caller's list, or null. */
  static JsonNode shelterByCodeName(GatewayClient gateway, String clientId, String codeName) {
    Reply shelters = gateway.get(clientId, "/api/shelters");
    assertThat(shelters.status()).isEqualTo(200);
    for (JsonNode shelter : shelters.json()) {
      if (codeName.equals(shelter.get("codeName").asString())) {
        return shelter;
      }
    }
    return null;
  }

  /** The demo driver whose job list holds a job that matches, with that job; null when none does. */
  static DriversJob jobOfAnyDriver(GatewayClient gateway, Predicate<JsonNode> which) {
    for (String driver : DRIVERS) {
      for (JsonNode job : gateway.get(driver, "/api/transport/jobs").json()) {
        if (which.test(job)) {
          return new DriversJob(driver, job);
        }
      }
    }
    return null;
  }
}
