package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The escort rules carried by {@code placement.bed-held.v1}: a requested escort gender and the
 * minor rule are never bent; a shared language only decides who is asked first.
 */
class EscortRulesIT extends TransportScenario {

  @Test
  void aRequestedFemaleEscortIsOfferedOnlyToAWomanEvenWithAManNearer() {
    driver("drv-man-" + suffix(), 48.861, 2.351, true, "MALE", "fr");
    String woman = driver("drv-woman-" + suffix(), 48.95, 2.50, true, "FEMALE", "fr");
    String placement = newPlacementId();

    broker.publish("placement.bed-held.v1", placement, escort(placement, false, "FEMALE", null));

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(woman));
    assertThat(broker.await("transport.assigned.v1", placement).path("data").path("driverId").asString())
        .isEqualTo(accountOf(woman));
  }

  @Test
  void aFemaleEscortRequestWithNoWomanFreeIsUnassignedNeverGivenToAMan() {
    String man = driver("drv-only-man-" + suffix(), 48.861, 2.351, true, "MALE", "fr");
    driver("drv-other-" + suffix(), 48.862, 2.352, true, "OTHER", "fr");
    String placement = newPlacementId();

    broker.publish("placement.bed-held.v1", placement, escort(placement, false, "FEMALE", null));

    JsonNode job = awaitJob(placement, "UNASSIGNED");
    assertThat(job.path("unassignedReason").asString()).isEqualTo("NO_DRIVER");
    broker.await("transport.failed.v1", placement);
    assertThat(broker.all("transport.assigned.v1", placement, Duration.ofMillis(500))).isEmpty();
    assertThat(driverDocument(man).getString("currentJobId")).isNull();
  }

  @Test
  void aRequestedMaleEscortIsRespectedToo() {
    driver("drv-near-woman-" + suffix(), 48.861, 2.351, true, "FEMALE", "fr");
    String man = driver("drv-far-man-" + suffix(), 48.95, 2.50, true, "MALE", "fr");
    String placement = newPlacementId();

    broker.publish("placement.bed-held.v1", placement, escort(placement, false, "MALE", null));

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(man));
  }

  @Test
  void aMinorAskingForAWomanGetsAWomanWhoMayEscortMinors() {
    driver("drv-man-escort-" + suffix(), 48.8605, 2.3505, true, "MALE", "fr");
    driver("drv-woman-adults-" + suffix(), 48.861, 2.351, false, "FEMALE", "fr");
    String escort = driver("drv-woman-escort-" + suffix(), 48.95, 2.50, true, "FEMALE", "fr");
    String placement = newPlacementId();

    broker.publish("placement.bed-held.v1", placement, escort(placement, true, "FEMALE", null));

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(escort));
  }

  @Test
  void aDriverWhoSpeaksHerLanguageIsAskedFirstAndTheOthersAfter() {
    String nearFrench = driver("drv-fr-" + suffix(), 48.861, 2.351, true, "FEMALE", "fr");
    String farArabic = driver("drv-ar-" + suffix(), 48.95, 2.50, true, "FEMALE", "fr", "ar");
    String placement = newPlacementId();

    broker.publish("placement.bed-held.v1", placement, escort(placement, false, null, List.of("ar", "ti")));

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(farArabic));

    http.post("/api/transport/jobs/" + jobId(placement) + "/decline", TestTokens.driver(accountOf(farArabic)));

    // Nobody else speaks Arabic or Tigrinya: she still gets a driver.
    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(nearFrench));
  }

  @Test
  void withoutPreferencesTheNearestDriverWhoFitsIsAsked() {
    String near = driver("drv-near-" + suffix(), 48.861, 2.351, true, "MALE", "en");
    driver("drv-far-" + suffix(), 48.95, 2.50, true, "FEMALE", "ar");
    String placement = newPlacementId();

    broker.publish("placement.bed-held.v1", placement, escort(placement, false, null, List.of()));

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(near));
  }

  @Test
  void anEscortGenderOutsideTheContractIsDeadLetteredNotGuessed() {
    driver("drv-any-" + suffix(), 48.861, 2.351, true, "MALE", "fr");
    String placement = newPlacementId();
    broker.publish("placement.bed-held.v1", placement, escort(placement, false, "WOMAN", null));
    String healthy = newPlacementId();

    bedHeld(healthy, false);

    awaitJob(healthy, "OFFERED"); // the inbox moved on past the unreadable event
    assertThat(http.get("/api/transport/jobs/" + jobId(placement), coordinator).status()).isEqualTo(404);
  }

  private static Map<String, Object> escort(String placement, boolean minor, String gender, List<String> languages) {
    Map<String, Object> data = bedHeldData(placement, minor);
    if (gender != null) {
      data.put("escortGender", gender);
    }
    if (languages != null) {
      data.put("languages", languages);
    }
    return data;
  }

}
