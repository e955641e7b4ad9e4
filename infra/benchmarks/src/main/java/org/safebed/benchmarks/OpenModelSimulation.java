package org.safebed.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The open model: police placements arrive at a fixed rate (at random around it, by default), whatever
 * the answers take, the way emergencies arrive; shelter managers' capacity updates and drivers'
 * flows at low rates alongside. Everything through the gateway with real tokens of load-test
 * accounts. See {@link PlacementMix} for the placements, {@link SimulationSettings} for its inputs.
 */
public class OpenModelSimulation extends Simulation {

  public OpenModelSimulation() throws InterruptedException {
    SimulationSettings settings = SimulationSettings.fromSystemProperties();
    Map<String, String> tokens = settings.fetchTokens(CapacityUpdates.MANAGER);

    List<PopulationBuilder> populations = new ArrayList<>();
    populations.add(scenario("police: placements")
        .feed(PlacementMix.requests(settings.police(), tokens, settings.run(), true))
        .exec(PlacementMix.place())
        .injectOpen(settings.arrivals(settings.placementRate())));
    if (settings.capacityUpdateRate() > 0) {
      populations.add(CapacityUpdates.manager(tokens.get(CapacityUpdates.MANAGER))
          .injectOpen(settings.arrivals(settings.capacityUpdateRate())));
    }
    if (settings.driverFlowRate() > 0 && settings.drivers() > 0) {
      populations.add(DriverFlows.drivers(settings.drivers(), tokens)
          .injectOpen(settings.arrivals(settings.driverFlowRate())));
    }
    setUp(populations).protocols(http.baseUrl(settings.gatewayUrl()).shareConnections().disableWarmUp());
  }
}
