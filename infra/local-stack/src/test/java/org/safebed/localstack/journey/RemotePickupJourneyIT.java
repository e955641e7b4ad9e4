package org.safebed.localstack.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.localstack.journey.GatewayClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 point 5, end to end: a girl found far from every driver (the demo drivers are in Lille,
 * Paris and Marseille; she is in Brest, with a shelter near her) is not given to the nearest driver
 * hundreds of kilometres away, nor is her bed held for that driver's ETA. The job fails at once and
 * police see at once that they must escort her themselves.
 */
class RemotePickupJourneyIT {

  private static final Duration EVENTUAL = Duration.ofSeconds(30);
  private static final String POLICE = "demo-police-2";
  private static final String COORDINATOR = "demo-coordinator";

  private static GatewayClient gateway;

  @BeforeAll
  static void startStack() {
    gateway = RunningStack.client();
  }

  @Test
  void aGirlNoDriverCanReachInTimeIsEscortedByPoliceAndHerHoldIsNotStretched() {
    String codeName = "Gannet-" + UUID.randomUUID().toString().substring(0, 8);
    Reply shelter = gateway.post(COORDINATOR, "/api/shelters", """
        {"codeName": "%s", "region": "west", "location": {"lat": 48.40, "lon": -4.48},
         "address": "1 Quai Imaginaire, Brest-Fictif",
         "eligibility": {"minAge": 12, "maxAge": 17, "genders": ["FEMALE"]}, "bedCount": 2}""".formatted(codeName));
    assertThat(shelter.status()).as(shelter.body()).isEqualTo(201);

    Reply created = gateway.post(POLICE, "/api/placements", """
        {"policeCaseRef": "PJ-2026-FAR-%s", "person": {"ageYears": 15, "gender": "FEMALE"},
         "needs": [], "location": {"lat": 48.39, "lon": -4.49}}""".formatted(UUID.randomUUID().toString().substring(0, 8)),
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("status").asString()).isEqualTo("HELD");
    assertThat(created.json().get("shelter").get("codeName").asString()).isEqualTo(codeName);
    String placement = created.json().get("id").asString();
    Instant heldUntil = Instant.parse(created.json().get("holdExpiresAt").asString());

    await().atMost(EVENTUAL).untilAsserted(() -> {
      JsonNode transport = gateway.get(POLICE, "/api/placements/" + placement).json().get("transport");
      assertThat(transport.get("status").asString()).isEqualTo("FAILED");
      assertThat(transport.get("policeEscortNeeded").asBoolean()).isTrue();
    });
    JsonNode seen = gateway.get(POLICE, "/api/placements/" + placement).json();
    assertThat(Instant.parse(seen.get("holdExpiresAt").asString())).as("no far driver's ETA stretched the hold")
        .isEqualTo(heldUntil);
    JsonNode job = gateway.get(COORDINATOR, "/api/transport/jobs/job-" + placement).json();
    assertThat(job.get("status").asString()).isEqualTo("UNASSIGNED");
    assertThat(job.get("unassignedReason").asString()).isEqualTo("NO_DRIVER_IN_REACH");
    assertThat(JourneySteps.jobOfAnyDriver(gateway, j -> j.get("id").asString().equals("job-" + placement)))
        .as("offered to no demo driver").isNull();

    assertThat(gateway.post(POLICE, "/api/placements/" + placement + "/cancel", null).status()).isEqualTo(200);
    await().atMost(EVENTUAL).untilAsserted(() ->
        assertThat(gateway.get(COORDINATOR, "/api/transport/jobs/job-" + placement).json().get("status").asString())
            .isEqualTo("CANCELLED"));
  }
}
