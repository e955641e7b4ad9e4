package org.safebed.localstack.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.safebed.localstack.journey.GatewayClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Look-ups the journeys share: a shelter by its code name, which driver was offered a job; and
 * calling a placement off so the next test finds the demo drivers free.
 */
public final class JourneySteps {

  private static final Duration EVENTUAL = Duration.ofSeconds(45);
  static final String MANAGER = "demo-shelter-manager";
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

  /**
   * Cancels a test's placement (as the police account that made it) and waits until its transport
   * job is over, so the demo driver it was offered to is free for the tests after it: the stack
   * and its three demo drivers are shared by every test of the JVM.
   */
  public static void cancelAndFreeItsDriver(GatewayClient gateway, String police, String placementId) {
    Reply cancelled = gateway.post(police, "/api/placements/" + placementId + "/cancel", null);
    assertThat(cancelled.status()).as(cancelled.body()).isIn(200, 409);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      for (JsonNode job : gateway.get("demo-coordinator", "/api/transport/jobs").json()) {
        if (placementId.equals(job.path("placementId").asString())) {
          assertThat(job.path("status").asString()).as("the job of a cancelled placement")
              .isIn("CANCELLED", "COMPLETED", "UNASSIGNED");
        }
      }
    });
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

  /** The job of that kind for the record, once a demo driver is offered it, with that driver. */
  static DriversJob offeredJob(GatewayClient gateway, String id, String kind, String field) {
    AtomicReference<DriversJob> job = new AtomicReference<>();
    await().atMost(EVENTUAL).untilAsserted(() -> {
      DriversJob offered = JourneySteps.jobOfAnyDriver(gateway, j -> id.equals(j.path(field).asString())
          && kind.equals(j.path("kind").asString()) && "OFFERED".equals(j.path("status").asString()));
      assertThat(offered).as("a driver is offered the " + kind + " of " + id).isNotNull();
      job.set(offered);
    });
    return job.get();
  }

  /** The driver accepts the job, picks her up and delivers her. */
  static void drive(GatewayClient gateway, DriversJob job) {
    String path = "/api/transport/jobs/" + job.id();
    for (String step : new String[] {"/accept", "/pick-up", "/deliver"}) {
      Reply reply = gateway.post(job.driver(), path + step, null);
      assertThat(reply.status()).as(step + ": " + reply.body()).isEqualTo(200);
    }
  }

  /**
   * A placement asked for by that police account, driven to its shelter by the demo driver offered
   * it and checked in there by the demo shelter manager; its id.
   */
  public static String placedDrivenAndCheckedIn(GatewayClient gateway, String police, String request) {
    Reply created = gateway.post(police, "/api/placements", request, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String placement = created.json().get("id").asString();
    drive(gateway, offeredJob(gateway, placement, "PICKUP", "placementId"));
    await().atMost(EVENTUAL).untilAsserted(() -> assertThat(gateway.get(MANAGER, "/api/placements/" + placement)
        .json().get("transport").get("status").asString()).isEqualTo("DELIVERED"));
    Reply checkedIn = gateway.post(MANAGER, "/api/placements/" + placement + "/check-in", null);
    assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
    return placement;
  }

  /**
   * A 15-year-old girl found at Kestrel's door (demo shelter-central-1), asked for by the demo
   * police: the nearest shelter that takes her is Kestrel, so a bed is held there. Her placement's id.
   */
  public static String holdABedAtKestrel(GatewayClient gateway) {
    Reply placed = gateway.post("demo-police", "/api/placements", """
        {"policeCaseRef":"SBB-%s","person":{"ageYears":15,"gender":"FEMALE"},"location":{"lat":48.902,"lon":2.418}}"""
        .formatted(UUID.randomUUID().toString().substring(0, 8)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(placed.status()).as(placed.body()).isIn(200, 201);
    return placed.json().get("id").asString();
  }
}
