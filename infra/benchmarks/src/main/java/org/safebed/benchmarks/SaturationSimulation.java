package org.safebed.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Simulation;
import java.util.Map;

/**
 * One step of the saturation run: placements that all should be held (one exclusion zone, as the
 * closed-loop benchmark sends) arriving at one fixed rate through the gateway. The benchmark runs
 * it at increasing rates until one is not held with p99 under 100 ms and no error.
 */
public class SaturationSimulation extends Simulation {

  public SaturationSimulation() throws InterruptedException {
    SimulationSettings settings = SimulationSettings.fromSystemProperties();
    Map<String, String> tokens = settings.fetchTokens();
    setUp(scenario("police: placements at " + settings.placementRate() + "/s")
        .feed(PlacementMix.requests(settings.police(), tokens, settings.run(), false))
        .exec(PlacementMix.place())
        .injectOpen(settings.arrivals(settings.placementRate())))
        .protocols(http.baseUrl(settings.gatewayUrl()).shareConnections().disableWarmUp());
  }
}
