package org.safebed.localstack.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.safebed.localstack.journey.GatewayClient.Reply;

/**
 * What the housing officer's browser test needs before she signs in, made through the gateway with
 * the demo accounts as the journeys do: a young woman placed, driven and checked in at a shelter,
 * and her referral; afterwards, her move driven to the end so no demo driver is left busy.
 */
public final class HousingScenes {

  private static final Duration EVENTUAL = Duration.ofSeconds(45);
  private static final String POLICE = "demo-police";
  private static final String HOUSING = "demo-housing-officer";

  private HousingScenes() {}

  /** A referral (OPEN) for a 17-year-old checked in near there, preferring that region; its id. */
  public static String checkedInAndReferred(GatewayClient gateway, double lat, double lon, String region) {
    String request = """
        {"policeCaseRef": "PJ-HOUSING-%s", "person": {"ageYears": 17, "gender": "FEMALE"},
         "needs": [], "location": {"lat": %s, "lon": %s},
         "exclusionZones": [{"lat": 43.60, "lon": 1.44, "radiusKm": 10}]}"""
        .formatted(UUID.randomUUID().toString().substring(0, 8), lat, lon);
    String placement = JourneySteps.placedDrivenAndCheckedIn(gateway, POLICE, request);

    String referral = """
        {"placementId": "%s", "needs": ["YOUNG_ADULT"], "preferredRegions": ["%s"]}""".formatted(placement, region);
    AtomicReference<String> id = new AtomicReference<>();
    // The referral service learns of the check-in from placement.checked-in.v1: 409 until then.
    await().atMost(EVENTUAL).untilAsserted(() -> {
      Reply reply = gateway.post(HOUSING, "/api/referrals", referral);
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      id.set(reply.json().get("id").asString());
    });
    return id.get();
  }

  /** A unit of the demo agency there, made through the API (for the withdrawal); its id. */
  public static String unit(GatewayClient gateway, double lat, double lon, String region) {
    Reply unit = gateway.post(HOUSING, "/api/rental-units", """
        {"region": "%s", "location": {"lat": %s, "lon": %s}, "address": "BROWSER-TEST %s Rue Inventee",
         "bedrooms": 1, "monthlyRent": 500, "accessible": false, "availableFrom": "2026-01-01",
         "suitableFor": ["WITH_CHILD"]}""".formatted(region, lat, lon, UUID.randomUUID()));
    assertThat(unit.status()).as(unit.body()).isEqualTo(201);
    return unit.json().get("id").asString();
  }

  /** Her move, booked by the move-in, is driven to the end by the demo driver offered it. */
  public static void driveTheMove(GatewayClient gateway, String referralId) {
    JourneySteps.drive(gateway, JourneySteps.offeredJob(gateway, referralId, "MOVE", "referralId"));
  }
}
