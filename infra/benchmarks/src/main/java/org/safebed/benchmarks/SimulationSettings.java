package org.safebed.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulation is told: system properties that {@link GatlingRun} sets for the run only (so a
 * simulation can also be run by Gatling's own launcher, given them with {@code -D}). Tokens are
 * fetched by the simulation before its load starts, from the identity provider of the stack.
 *
 * @param gatewayUrl where every request goes
 * @param tokenUrl the identity provider's token endpoint
 * @param police the load-test police accounts this run may use, three placements each
 * @param placementRate placements per second (open model: arrivals, whatever the answers take)
 * @param seconds how long users keep arriving
 * @param capacityUpdateRate shelter managers' capacity updates per second (open-model run only)
 * @param driverFlowRate drivers' flows per second (open-model run only)
 * @param drivers load-test driver accounts {@code load-driver-1..drivers} for those flows
 * @param run a short tag that makes this run's case references its own
 * @param poisson whether users arrive at random around the rates (Poisson) or evenly spaced
 */
record SimulationSettings(String gatewayUrl, String tokenUrl, PoliceAccounts.Range police, double placementRate,
    int seconds, double capacityUpdateRate, double driverFlowRate, int drivers, String run, boolean poisson) {

  private static final String PREFIX = "safebed.gatling.";

  Map<String, String> asProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(PREFIX + "gateway-url", gatewayUrl);
    properties.put(PREFIX + "token-url", tokenUrl);
    properties.put(PREFIX + "police-first", String.valueOf(police.first()));
    properties.put(PREFIX + "police-count", String.valueOf(police.count()));
    properties.put(PREFIX + "placement-rate", String.valueOf(placementRate));
    properties.put(PREFIX + "seconds", String.valueOf(seconds));
    properties.put(PREFIX + "capacity-update-rate", String.valueOf(capacityUpdateRate));
    properties.put(PREFIX + "driver-flow-rate", String.valueOf(driverFlowRate));
    properties.put(PREFIX + "drivers", String.valueOf(drivers));
    properties.put(PREFIX + "run", run);
    properties.put(PREFIX + "poisson", String.valueOf(poisson));
    return properties;
  }

  static SimulationSettings fromSystemProperties() {
    return new SimulationSettings(required("gateway-url"), required("token-url"),
        new PoliceAccounts.Range(Integer.parseInt(required("police-first")), Integer.parseInt(required("police-count"))),
        Double.parseDouble(required("placement-rate")), Integer.parseInt(required("seconds")),
        Double.parseDouble(System.getProperty(PREFIX + "capacity-update-rate", "0")),
        Double.parseDouble(System.getProperty(PREFIX + "driver-flow-rate", "0")),
        Integer.parseInt(System.getProperty(PREFIX + "drivers", "0")),
        System.getProperty(PREFIX + "run", "run"),
        Boolean.parseBoolean(System.getProperty(PREFIX + "poisson", "true")));
  }

  /** Users arriving at {@code perSecond} for the run's seconds, at random or evenly. */
  io.gatling.javaapi.core.OpenInjectionStep arrivals(double perSecond) {
    var constant = io.gatling.javaapi.core.CoreDsl.constantUsersPerSec(perSecond).during(java.time.Duration.ofSeconds(seconds));
    return poisson ? constant.randomized() : constant;
  }

  /** Each account's token, fetched now (before any load): police, drivers, and any others named. */
  Map<String, String> fetchTokens(String... others) throws InterruptedException {
    List<String> accounts = new ArrayList<>(police.accounts());
    for (int n = 1; n <= drivers && driverFlowRate > 0; n++) {
      accounts.add(DriverFlows.PREFIX + n);
    }
    accounts.addAll(List.of(others));
    SafeBedClient client = new SafeBedClient(tokenUrl);
    client.authenticateAll(accounts);
    Map<String, String> tokens = new LinkedHashMap<>();
    accounts.forEach(account -> tokens.put(account, client.bearer(account)));
    return tokens;
  }

  private static String required(String name) {
    String value = System.getProperty(PREFIX + name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("the simulation needs -D" + PREFIX + name);
    }
    return value;
  }
}
