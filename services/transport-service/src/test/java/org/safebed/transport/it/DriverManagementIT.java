package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.safebed.transport.application.Reconciler;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.EscortNeeds;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4: drivers' duty windows decide when an on-duty driver may be offered work, and
 * coordinators manage drivers' profiles, a revoked right taking effect on an unanswered offer too.
 */
class DriverManagementIT extends TransportScenario {

  @Autowired private Reconciler reconciler;
  @Autowired private Drivers drivers;

  @Test
  void aDriverOutsideHerWindowIsNeitherFoundNorClaimedByTheStore() {
    Instant now = clock.instant();
    String later = withWindows("drv-store-" + suffix(), 48.861, 2.351, window(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))));
    EscortNeeds adult = EscortNeeds.of(false);

    assertThat(drivers.available(adult, now, 10)).extracting(Driver::id).doesNotContain(later);
    assertThat(drivers.claim(later, "job-x", adult, now)).isFalse();
    assertThat(drivers.available(adult, now.plus(Duration.ofMinutes(90)), 10)).extracting(Driver::id).contains(later);
    assertThat(drivers.claim(later, "job-x", adult, now.plus(Duration.ofMinutes(90)))).isTrue();
  }

  @Test
  void aDriverOutsideHerDutyWindowIsNotOfferedOneWithoutWindowsIs() {
    Instant now = clock.instant();
    withWindows("drv-later-" + suffix(), 48.861, 2.351, window(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))));
    String always = driver("drv-always-" + suffix(), 48.95, 2.50, true);
    String placement = newPlacementId();

    bedHeld(placement, false);

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(always));
  }

  @Test
  void aDriverInsideHerDutyWindowIsOffered() {
    Instant now = clock.instant();
    String near =
        withWindows(
            "drv-now-" + suffix(), 48.861, 2.351,
            window(now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2))),
            window(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))));
    driver("drv-far-" + suffix(), 48.95, 2.50, true);
    String placement = newPlacementId();

    bedHeld(placement, false);

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(near));
  }

  @Test
  void whenHerWindowStartsTheReconcilerOffersHerTheUnassignedJob() {
    Instant now = clock.instant();
    String later =
        withWindows("drv-soon-" + suffix(), 48.861, 2.351, window(now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(2))));
    String placement = newPlacementId();
    bedHeld(placement, false);
    awaitJob(placement, "UNASSIGNED");

    clock.advance(Duration.ofMinutes(5));
    reconciler.reconcile();
    assertThat(http.get("/api/transport/jobs/" + jobId(placement), coordinator).json().path("status").asString())
        .as("before her window")
        .isEqualTo("UNASSIGNED");
    assertThat(driverDocument(later).getString("currentJobId")).isNull();

    clock.advance(Duration.ofMinutes(30));
    reconciler.reconcile();

    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(later));
  }

  @Test
  void invalidDutyWindowsAreRefusedAndNothingIsStored() {
    Instant now = clock.instant();
    String subject = "acct-bad-" + suffix();

    assertProblem(register(subject, window(now, now)), 400);
    assertProblem(register(subject, window(now.plus(Duration.ofHours(1)), now)), 400);
    assertProblem(register(subject, "{\"from\":\"" + now + "\"}"), 400);
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      tooMany.add(window(now.plus(Duration.ofHours(i)), now.plus(Duration.ofHours(i)).plusSeconds(60)));
    }
    assertProblem(register(subject, tooMany.toArray(String[]::new)), 400);
    assertThat(mongo.getCollection("drivers").countDocuments(new Document("accountSubject", subject))).isZero();

    String driver = driver("drv-keep-" + suffix(), 48.861, 2.351, true);
    assertProblem(
        http.put("/api/transport/drivers/" + driver, coordinator, update(false, true, window(now, now.minusSeconds(1)))),
        400);
    Document stored = driverDocument(driver);
    assertThat(stored.getBoolean("vetted")).isTrue();
    assertThat(stored.getList("dutyWindows", Document.class, List.of())).isEmpty();
  }

  @Test
  void aCoordinatorChangesADriverAndSeesHerDutyWindows() {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String driver = driver("drv-edit-" + suffix(), 48.861, 2.351, true);
    String window = window(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(9)));

    ServiceHttp.Response changed = http.put("/api/transport/drivers/" + driver, coordinator, update(true, false, window));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().path("canEscortMinors").asBoolean()).isFalse();
    assertThat(changed.json().path("onDuty").asBoolean()).as("her own switch is kept").isTrue();
    assertThat(changed.json().path("accountSubject").asString()).isEqualTo(accountOf(driver));
    JsonNode listed = null;
    for (JsonNode each : http.get("/api/transport/drivers", coordinator).json()) {
      if (driver.equals(each.path("id").asString())) {
        listed = each;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.path("dutyWindows")).hasSize(1);
    assertThat(Instant.parse(listed.path("dutyWindows").get(0).path("from").asString()))
        .isEqualTo(now.plus(Duration.ofHours(1)));
  }

  @Test
  void onlyCoordinatorsChangeDriversAndAnUnknownDriverIsNotFound() {
    String driver = driver("drv-guarded-" + suffix(), 48.861, 2.351, true);
    String body = update(false, false);

    assertProblem(http.put("/api/transport/drivers/" + driver, TestTokens.driver(accountOf(driver)), body), 403);
    assertProblem(http.put("/api/transport/drivers/" + driver, TestTokens.police("police-1"), body), 403);
    assertProblem(http.put("/api/transport/drivers/" + driver, null, body), 401);
    assertThat(driverDocument(driver).getBoolean("vetted")).isTrue();
    assertProblem(http.put("/api/transport/drivers/drv-nobody-" + suffix(), coordinator, body), 404);
  }

  @Test
  void revokingHerVettingWithdrawsAnUnansweredOfferAndTheNextDriverIsAsked() {
    String near = driver("drv-revoked-" + suffix(), 48.861, 2.351, true);
    String far = driver("drv-next-" + suffix(), 48.95, 2.50, true);
    String placement = newPlacementId();
    bedHeld(placement, false);
    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(near));

    ServiceHttp.Response revoked = http.put("/api/transport/drivers/" + near, coordinator, update(false, true));

    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    assertThat(awaitJob(placement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(far));
    assertThat(driverDocument(near).getString("currentJobId")).isNull();
    assertProblem(http.post("/api/transport/jobs/" + jobId(placement) + "/accept", TestTokens.driver(accountOf(near))), 404);
  }

  @Test
  void revokingTheMinorsEscortRightWithdrawsOnlyAMinorsOffer() {
    String adults = driver("drv-adults-" + suffix(), 48.861, 2.351, true);
    String minors = driver("drv-minors-" + suffix(), 48.862, 2.352, true);
    String adultPlacement = newPlacementId();
    bedHeld(adultPlacement, false);
    assertThat(awaitJob(adultPlacement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(adults));
    String minorPlacement = newPlacementId();
    bedHeld(minorPlacement, true);
    assertThat(awaitJob(minorPlacement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(minors));
    String third = driver("drv-third-" + suffix(), 48.95, 2.50, true);

    assertThat(http.put("/api/transport/drivers/" + adults, coordinator, update(true, false)).status()).isEqualTo(200);
    assertThat(http.put("/api/transport/drivers/" + minors, coordinator, update(true, false)).status()).isEqualTo(200);

    assertThat(awaitJob(minorPlacement, "OFFERED").path("driverId").asString()).isEqualTo(accountOf(third));
    assertThat(http.get("/api/transport/jobs/" + jobId(adultPlacement), coordinator).json().path("driverId").asString())
        .as("an adult's offer stays with her")
        .isEqualTo(accountOf(adults));
  }

  @Test
  void aRepeatedKeyAControlCharacterOrARepeatedLanguageIsRefusedAndNothingIsStored() {
    String subject = "drv-strict-" + suffix();
    String valid = """
        {"accountSubject":"%s","vetted":true,"gender":"FEMALE","languages":["fr","nl"],
         "canEscortMinors":true,"base":{"lat":48.86,"lon":2.35},"onDuty":false}
        """.formatted(subject);
    for (String body : List.of(
        valid.replace("\"vetted\":true", "\"vetted\":false,\"vetted\":true"),
        valid.replace("[\"fr\",\"nl\"]", "[\"fr\",\"fr\"]"),
        valid.replace("\"accountSubject\":\"", "\"accountSubject\":\"\\u0000"),
        valid.replace("\"accountSubject\":\"", "\"accountSubject\":\"\\t"))) {
      assertProblem(http.post("/api/transport/drivers", coordinator, body), 400);
    }
    assertThat(mongo.getCollection("drivers").countDocuments(new Document("accountSubject", subject))).isZero();
    assertThat(http.post("/api/transport/drivers", coordinator, valid).status()).as("the valid one passes").isEqualTo(201);
  }

  private String withWindows(String subject, double lat, double lon, String... windows) {
    ServiceHttp.Response created =
        http.post(
            "/api/transport/drivers",
            coordinator,
            """
            {"accountSubject":"%s","vetted":true,"gender":"FEMALE","languages":["fr"],
             "canEscortMinors":true,"base":{"lat":%s,"lon":%s},"onDuty":true,"dutyWindows":[%s]}
            """
                .formatted(subject, lat, lon, String.join(",", windows)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private ServiceHttp.Response register(String subject, String... windows) {
    return http.post(
        "/api/transport/drivers",
        coordinator,
        """
        {"accountSubject":"%s","vetted":true,"gender":"FEMALE","languages":["fr"],
         "canEscortMinors":true,"base":{"lat":48.86,"lon":2.35},"onDuty":true,"dutyWindows":[%s]}
        """
            .formatted(subject, String.join(",", windows)));
  }

  private static String update(boolean vetted, boolean escortsMinors, String... windows) {
    return """
        {"vetted":%s,"gender":"FEMALE","languages":["fr"],"canEscortMinors":%s,
         "base":{"lat":48.861,"lon":2.351},"dutyWindows":[%s]}
        """
        .formatted(vetted, escortsMinors, String.join(",", windows));
  }

  private static String window(Instant from, Instant to) {
    return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
  }
}
