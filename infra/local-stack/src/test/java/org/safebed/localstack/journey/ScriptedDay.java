package org.safebed.localstack.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.safebed.localstack.journey.GatewayClient.Reply;

/**
 * A day's work on the running stack before a test that reads its statistics: girls found in each
 * demo region, one after another, each given a bed, driven there by a demo driver, checked in and,
 * later, checked out (so every bed and driver is free again). Enough of them that the coordinators'
 * figures are shown rather than suppressed (more than the minimum count of 5).
 */
public final class ScriptedDay {

  /** Paris, Lille, Marseille: one in each demo region, in turn. */
  private static final double[][] FOUND_AT = {{48.8566, 2.3522}, {50.6292, 3.0573}, {43.2965, 5.3698}};

  private ScriptedDay() {}

  /** Runs {@code placements} placements from request to check-out, one at a time. */
  public static void run(GatewayClient gateway, int placements) {
    for (int i = 0; i < placements; i++) {
      double[] at = FOUND_AT[i % FOUND_AT.length];
      String request = """
          {"policeCaseRef": "DAY-%s", "person": {"ageYears": 16, "gender": "FEMALE"}, "needs": [],
           "location": {"lat": %s, "lon": %s}}""".formatted(UUID.randomUUID().toString().substring(0, 8), at[0], at[1]);
      String placement = JourneySteps.placedDrivenAndCheckedIn(gateway, "demo-police", request);
      Reply out = gateway.post(JourneySteps.MANAGER, "/api/placements/" + placement + "/check-out", "{\"reason\":\"OTHER\"}");
      assertThat(out.status()).as(out.body()).isEqualTo(200);
    }
  }
}
