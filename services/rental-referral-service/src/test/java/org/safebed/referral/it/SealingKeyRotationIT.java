package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.SealedValues;
import org.safebed.platform.testing.SecondInstance;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.safebed.platform.testing.TestTokens;
import org.safebed.referral.RentalReferralApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.core.type.TypeReference;

/**
 * A key rotation as operators run it: an instance sealing with key k1 stored units and a referral;
 * this instance seals with k2 and still opens k1; {@code POST /actuator/sealing} re-seals.
 * Afterwards no value in the database is under k1 any more, and every one still opens for what it
 * is there for.
 */
@TestPropertySource(
    properties = {
      "safebed.sealing.key-id=k2",
      // Synthetic key for tests only (bytes 64..95).
      "safebed.sealing.previous-keys.k1=" + SealingKeyRotationIT.OLD_KEY,
      // Only what the instance with the old key stores: demo units would be sealed with k2 already.
      "safebed.demo-data.enabled=false",
      "management.endpoints.web.exposure.include=health,info,sealing"
    })
class SealingKeyRotationIT extends ServiceIT {

  static final String OLD_KEY = "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=";
  private static final String COORDINATOR = TestTokens.coordinator("coordinator-rotation");

  @Autowired Environment environment;

  /**
   * The instance that ran before the rotation, sealing with k1, calling the same occupancy stub;
   * sweeps and the reconciler stay with the test's own instance, which the test drives.
   */
  private SecondInstance instanceWithOldKey() {
    return SecondInstance.sealingWith(environment, RentalReferralApplication.class, OLD_KEY, "k1",
        List.of("safebed.referral.occupancy.base-url", "safebed.referral.service-credentials.token-uri",
            "safebed.referral.service-credentials.client-secret"),
        List.of(
            "--spring.config.name=rental-referral-service",
            "--safebed.referral.sweep-interval=1h",
            "--safebed.referral.reconcile-interval=1h"));
  }

  private Map<String, String> sealedValues() {
    return SealedValues.in(mongo.getDb());
  }

  /** Per declared field, how many values each key id seals. */
  private Map<String, Map<String, Integer>> keyUsage() {
    Response usage = api.get("/actuator/sealing", COORDINATOR);
    assertThat(usage.status()).as(usage.body()).isEqualTo(200);
    return ServiceHttp.JSON.readValue(usage.body(), new TypeReference<Map<String, Map<String, Integer>>>() {});
  }

  @Test
  void everySealedValueIsResealedUnderTheNewKeyAndStillOpens() {
    ServiceHttp ownInstance = api;
    String insideZone;
    String farFromZone;
    String farAddress = addressFor("far-" + shortId());
    String referralId;
    try (SecondInstance before = instanceWithOldKey()) {
      api = new ServiceHttp(before.port());
      insideZone = unit("central", 2);
      Response far = api.post("/api/rental-units", officer,
          unitBody("central", CENTRAL_LAT + 30 / 111.195, CENTRAL_LON, farAddress));
      assertThat(far.status()).as(far.body()).isEqualTo(201);
      farFromZone = far.text("id");
      referralId = openReferral();
    } finally {
      api = ownInstance;
    }
    assertThat(sealedValues()).isNotEmpty().allSatisfy((path, sealed) -> assertThat(sealed).startsWith("v1:k1:"));
    assertThat(keyUsage()).isEqualTo(Map.of(
        "rental_units.addressSealed", Map.of("k1", 2),
        "rental_units.locationSealed", Map.of("k1", 2),
        "referrals.exclusionZonesSealed", Map.of("k1", 1),
        "referrals.keepApartRefsSealed", Map.of("k1", 1),
        "referrals.caseTokenSealed", Map.of("k1", 1)));

    Response resealed = api.post("/actuator/sealing", COORDINATOR, null);
    assertThat(resealed.status()).as(resealed.body()).isEqualTo(200);
    assertThat(resealed.json().path("resealed").asInt()).isEqualTo(7);
    assertThat(api.post("/actuator/sealing", COORDINATOR, null).json().path("resealed").asInt()).isZero();
    assertThat(keyUsage().values()).allSatisfy(byKey -> assertThat(byKey).containsOnlyKeys("k2"));
    assertThat(sealedValues()).hasSize(7).allSatisfy((path, sealed) -> assertThat(sealed).startsWith("v1:k2:"));

    // Opened after the rotation: her safety constraints and the units' locations...
    Response matches = api.get("/api/referrals/" + referralId + "/matches", officer);
    assertThat(matches.status()).as(matches.body()).isEqualTo(200);
    assertThat(matches.json().valueStream().map(m -> m.path("unitId").asString()).toList())
        .contains(farFromZone).doesNotContain(insideZone);
    assertThat(api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", farFromZone)).status())
        .isEqualTo(200);
    assertThat(api.post("/api/referrals/" + referralId + "/accept", officer, null).status()).isEqualTo(200);
    assertThat(api.post("/api/referrals/" + referralId + "/move-in", officer, Map.of("moveInDate", today(1))).status())
        .isEqualTo(200);

    // ...her case token, which her home now carries for others' keep-apart rules...
    assertThat(unitDocument(farFromZone).getString("tenantCaseToken")).isEqualTo("ct-synthetic");

    // ...and the address, for the driver of the move.
    Response destination = api.get("/internal/referrals/" + referralId + "/destination",
        TestTokens.service("transport-service"), "X-On-Behalf-Of", "driver-r", "X-Transport-Job", "job-r");
    assertThat(destination.status()).as(destination.body()).isEqualTo(200);
    assertThat(destination.text("address")).isEqualTo(farAddress);
  }
}
