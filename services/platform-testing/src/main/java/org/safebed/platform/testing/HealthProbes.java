package org.safebed.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

/** What the orchestrator reads of every service: its liveness and readiness probes. */
public final class HealthProbes {

  private static final String[] PROBES = {"/actuator/health/liveness", "/actuator/health/readiness"};

  private HealthProbes() {}

  /**
   * Readiness waits for MongoDB and the broker; liveness for neither, so that an outage of either
   * takes instances out of rotation rather than restarting them all.
   */
  public static void assertReadinessWaitsForMongoAndTheBrokerLivenessForNeither(HealthEndpointGroups groups) {
    assertThat(groups.get("readiness").isMember("mongo")).isTrue();
    assertThat(groups.get("readiness").isMember("rabbit")).isTrue();
    assertThat(groups.get("liveness").isMember("mongo")).isFalse();
    assertThat(groups.get("liveness").isMember("rabbit")).isFalse();
  }

  /** Both probes answer without a token and say only that the service is up, nothing of what it holds. */
  public static void assertOpenAndSayingOnlyUp(ServiceHttp http) {
    for (String probe : PROBES) {
      ServiceHttp.Response response = http.get(probe, null);
      assertThat(response.status()).as(probe).isEqualTo(200);
      assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
    }
  }
}
