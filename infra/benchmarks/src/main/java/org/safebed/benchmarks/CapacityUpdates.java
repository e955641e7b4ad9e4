package org.safebed.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * A shelter manager keeping capacity current during the open-model run ({@code demo-shelter-manager},
 * the demo's eight shelters): her shelters, one of them confirmed as current, its beds, and a free
 * one out of service for cleaning and back. A bed police hold in between is refused (409), as it
 * would be for her.
 */
final class CapacityUpdates {

  static final String MANAGER = "demo-shelter-manager";
  /** Gatling's group of one capacity update (its requests' cumulated time). */
  static final String GROUP = "capacity update";

  private CapacityUpdates() {}

  static ScenarioBuilder manager(String token) {
    return scenario("shelter manager: capacity updates")
        .exec(session -> session.set("token", token))
        .exec(group(GROUP).on(
            exec(authorised(http("manager: her shelters").get("/api/shelters"))
                .check(status().is(200), jsonPath("$[*].id").findRandom().saveAs("shelterId"))),
            exec(authorised(http("manager: capacity confirmed").post("/api/shelters/#{shelterId}/capacity-check"))
                .check(status().is(200))),
            exec(authorised(http("manager: beds").get("/api/shelters/#{shelterId}/beds"))
                .check(status().is(200), jsonPath("$[?(@.status == 'AVAILABLE')].id").optional().saveAs("bedId"))),
            doIf(session -> session.contains("bedId")).then(
                exec(authorised(http("manager: bed out of service")
                    .put("/api/shelters/#{shelterId}/beds/#{bedId}/service-status")
                    .body(StringBody("{\"inService\": false, \"reason\": \"CLEANING\"}")).asJson())
                    .check(status().in(200, 409))),
                exec(authorised(http("manager: bed back in service")
                    .put("/api/shelters/#{shelterId}/beds/#{bedId}/service-status")
                    .body(StringBody("{\"inService\": true}")).asJson())
                    .check(status().in(200, 409))))));
  }

  private static HttpRequestActionBuilder authorised(HttpRequestActionBuilder request) {
    return request.header("Authorization", session -> "Bearer " + session.getString("token"));
  }
}
