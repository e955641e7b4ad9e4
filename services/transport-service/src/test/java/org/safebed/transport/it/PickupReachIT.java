package org.safebed.transport.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 point 5: a driver who cannot reach her within the pick-up reach (90 minutes by default)
 * is never offered the job, and a job nobody can reach in time fails at once
 * ({@code transport.failed.v1}, which occupancy shows as "police escort needed") instead of going
 * to the nearest driver however far. The routing provider (WireMock) decides for drivers close
 * enough to be worth asking.
 */
class PickupReachIT extends TransportScenario {

  /** Near as the crow flies (5 km), but the road takes four hours (a river, a closed bridge). */
  private static final double CUT_OFF_LAT = 48.90;
  private static final double CUT_OFF_LON = 2.30;

  private void roadsFromCutOffBaseTakeFourHours() {
    OUTSIDE.stubFor(
        get(urlPathMatching("/route/v1/driving/2\\.300000,48\\.900000;.*"))
            .atPriority(1)
            .willReturn(okJson("{\"code\":\"Ok\",\"routes\":[{\"duration\":14400.0,\"distance\":9000.0}]}")));
  }

  @Test
  void aDriverTheRoadKeepsFourHoursAwayIsPassedOverForOneWhoCanReachHer() {
    roadsFromCutOffBaseTakeFourHours();
    String cutOff = driver("drv-cut-off-" + suffix(), CUT_OFF_LAT, CUT_OFF_LON, true);
    String reachable = driver("drv-reachable-" + suffix(), 48.95, 2.50, true);
    String placement = newPlacementId();

    bedHeld(placement, true);

    JsonNode job = awaitJob(placement, "OFFERED");
    assertThat(job.path("driverId").asString()).isEqualTo(accountOf(reachable));
    assertThat(job.path("etaMinutes").asInt()).isEqualTo(ROUTED_ETA);
    assertThat(driverDocument(cutOff).getString("currentJobId")).as("the far driver is never claimed").isNull();
  }

  @Test
  void whenTheOnlyFreeDriverCannotReachHerInTimeTheJobFailsAtOnce() {
    roadsFromCutOffBaseTakeFourHours();
    String cutOff = driver("drv-cut-off-" + suffix(), CUT_OFF_LAT, CUT_OFF_LON, true);
    String placement = newPlacementId();

    bedHeld(placement, true);

    JsonNode job = awaitJob(placement, "UNASSIGNED");
    assertThat(job.path("unassignedReason").asString()).isEqualTo("NO_DRIVER_IN_REACH");
    assertThat(absent(job.path("driverId"))).isTrue();
    JsonNode failed = broker.await("transport.failed.v1", placement);
    assertThat(failed.path("data").path("reason").asString()).isEqualTo("NO_DRIVER_IN_REACH");
    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofMillis(500)))
        .as("never offered to the far driver, so the hold is never stretched to her ETA").isEmpty();
    assertThat(driverDocument(cutOff).getString("currentJobId")).isNull();
  }

  @Test
  void aDriverHundredsOfKilometresAwayIsRuledOutWithoutAskingTheRoutingProvider() {
    String marseille = driver("drv-marseille-" + suffix(), 43.30, 5.37, true);
    String placement = newPlacementId();

    bedHeld(placement, true);

    assertThat(awaitJob(placement, "UNASSIGNED").path("unassignedReason").asString()).isEqualTo("NO_DRIVER_IN_REACH");
    broker.await("transport.failed.v1", placement);
    assertThat(OUTSIDE.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
            urlPathMatching("/route/v1/driving/5\\.370000,43\\.300000;.*"))))
        .as("no route asked from a base five hours away").isEmpty();
    assertThat(driverDocument(marseille).getString("currentJobId")).isNull();
  }

  @Test
  void anUnreachableJobIsOfferedOnceADriverWithinReachComesOnDuty() {
    driver("drv-marseille-" + suffix(), 43.30, 5.37, true);
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "UNASSIGNED");

    String nearby = driver("drv-nearby-" + suffix(), 48.87, 2.36, true);

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(nearby));
    broker.await("transport.assigned.v1", placement);
  }
}
