package org.safebed.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** 20 users in 2 s, each one request answered as checked and one (in a group) that is not. */
public class ProbeSimulation extends Simulation {

  public ProbeSimulation() {
    var protocol = http.baseUrl(System.getProperty("probe.url")).shareConnections();
    var users = scenario("probe")
        .exec(http("get ok").get("/ok").check(status().is(200)))
        .exec(group("a group").on(exec(http("get teapot").get("/teapot").check(status().is(200)))));
    setUp(users.injectOpen(constantUsersPerSec(10).during(Duration.ofSeconds(2)))).protocols(protocol);
  }
}
