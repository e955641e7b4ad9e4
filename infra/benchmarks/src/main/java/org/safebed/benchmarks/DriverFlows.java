package org.safebed.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drivers at work during the open-model run, each a load-test driver account ({@code load-driver-N},
 * registered in transport at the pick-up point so they are offered jobs first): she looks at her
 * record; if a job is hers she takes it as far as it goes, as her console would: accepts an offer,
 * fetches where to pick her up and where to take her (both disclosed just in time and audited),
 * confirms the pick-up and the delivery, and is free for the next job.
 */
final class DriverFlows {

  static final String PREFIX = "load-driver-";
  /** Gatling's group of one driver's flow (its requests' cumulated time). */
  static final String GROUP = "driver flow";

  private DriverFlows() {}

  static ScenarioBuilder drivers(int drivers, Map<String, String> tokens) {
    List<Map<String, Object>> accounts = new ArrayList<>();
    for (int n = 1; n <= drivers; n++) {
      accounts.add(Map.of("token", tokens.get(PREFIX + n)));
    }
    return scenario("drivers: offered jobs")
        .feed(listFeeder(accounts).circular())
        .exec(group(GROUP).on(
            exec(call("driver: her record", "GET", "/api/transport/drivers/me")
                .check(status().is(200), jsonPath("$.currentJobId").optional().saveAs("jobId"))),
            doIf(session -> session.contains("jobId")).then(
                exec(call("driver: her job", "GET", "/api/transport/jobs/#{jobId}")
                    .check(status().is(200), jsonPath("$.status").saveAs("jobStatus"))),
                doIf(session -> in(session, "OFFERED")).then(
                    exec(call("driver: accept", "POST", "/api/transport/jobs/#{jobId}/accept").check(status().is(200)))),
                doIf(session -> in(session, "OFFERED", "ACCEPTED")).then(
                    exec(call("driver: pick-up point", "GET", "/api/transport/jobs/#{jobId}/pickup").check(status().is(200))),
                    exec(call("driver: destination", "GET", "/api/transport/jobs/#{jobId}/destination").check(status().is(200))),
                    exec(call("driver: picked up", "POST", "/api/transport/jobs/#{jobId}/pick-up").check(status().is(200)))),
                doIf(session -> in(session, "OFFERED", "ACCEPTED", "PICKED_UP")).then(
                    exec(call("driver: delivered", "POST", "/api/transport/jobs/#{jobId}/deliver").check(status().is(200)))))));
  }

  private static boolean in(Session session, String... statuses) {
    return session.contains("jobStatus") && Set.of(statuses).contains(session.getString("jobStatus"));
  }

  private static HttpRequestActionBuilder call(String name, String method, String path) {
    var request = "GET".equals(method) ? http(name).get(path) : http(name).post(path);
    return request.header("Authorization", session -> "Bearer " + session.getString("token"));
  }
}
