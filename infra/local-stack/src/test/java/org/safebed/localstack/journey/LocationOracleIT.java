package org.safebed.localstack.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.localstack.journey.GatewayClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The location oracles of issue 16, played through the gateway as an attacker with one ordinary
 * account would: answers never narrow a shelter or a rehoused girl's home below its coarse area,
 * another agency's case references tell nothing, and an account that keeps requesting and
 * cancelling is stopped with coordinators alerted.
 */
class LocationOracleIT {

  private static final Duration EVENTUAL = Duration.ofSeconds(30);
  private static final String POLICE = "demo-police";
  private static final String OTHER_FORCE = "demo-police-2";
  private static final String COORDINATOR = "demo-coordinator";
  private static final String MANAGER = "demo-shelter-manager";
  private static final String HOUSING = "demo-housing-officer";
  private static final String OTHER_HOUSING = "demo-housing-officer-2";
  private static final double AREA_STEP = 0.05;

  private static GatewayClient gateway;

  @BeforeAll
  static void startStack() {
    gateway = RunningStack.client();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A minors' shelter registered by the coordinator at an exact point; answers its code name. */
  private static String shelterAt(double lat, double lon) {
    String codeName = "Oracle-" + shortId();
    Reply created = gateway.post(COORDINATOR, "/api/shelters", """
        {"codeName": "%s", "region": "oracle-test", "location": {"lat": %s, "lon": %s},
         "address": "1 Rue Inventee %s, Synthville",
         "eligibility": {"minAge": 12, "maxAge": 17, "genders": ["FEMALE"]}, "bedCount": 4}"""
        .formatted(codeName, lat, lon, shortId()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return codeName;
  }

  private static Reply request(String police, int age, double lat, double lon, String extra) {
    String body = """
        {"policeCaseRef": "PJ-ORACLE-%s", "person": {"ageYears": %d, "gender": "FEMALE"}, "needs": [],
         "location": {"lat": %s, "lon": %s}%s}""".formatted(shortId(), age, lat, lon, extra);
    return gateway.post(police, "/api/placements", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }

  private static boolean heldAt(Reply answer, String codeName) {
    return answer.status() == 201 && codeName.equals(answer.json().path("shelter").path("codeName").asString());
  }

  private static String id(Reply answer) {
    return answer.json().get("id").asString();
  }

  private static void cancel(String client, Reply answer) {
    assertThat(gateway.post(client, "/api/placements/" + id(answer) + "/cancel", null).status()).isEqualTo(200);
  }

  private static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** The shortest distance from a point to the 0.05° square around an area point. */
  private static double toAreaKm(double lat, double lon, double areaLat, double areaLon) {
    double nearestLat = Math.clamp(lat, areaLat - AREA_STEP / 2, areaLat + AREA_STEP / 2);
    double nearestLon = Math.clamp(lon, areaLon - AREA_STEP / 2, areaLon + AREA_STEP / 2);
    return distanceKm(lat, lon, nearestLat, nearestLon);
  }

  private static List<JsonNode> alerts(String type) {
    List<JsonNode> found = new ArrayList<>();
    gateway.get(COORDINATOR, "/api/alerts").json().forEach(alert -> {
      if (type.equals(alert.get("type").asString())) {
        found.add(alert);
      }
    });
    return found;
  }

  @Test
  void bisectingExclusionZonesNeverGoesBelowTheShelterSAreaAndTheProberIsStopped() {
    // A shelter alone in the far north: area (64.00, 25.00), exact point inside that square.
    double exactLat = 64.0123;
    double exactLon = 25.0171;
    String codeName = shelterAt(exactLat, exactLon);
    double[][] centres = {{exactLat + 0.1, exactLon}, {exactLat, exactLon - 0.2}, {exactLat - 0.07, exactLon - 0.15}};
    Reply stopped = null;
    int probes = 0;
    for (double[] centre : centres) {
      double areaKm = toAreaKm(centre[0], centre[1], 64.00, 25.00);
      double exactKm = distanceKm(centre[0], centre[1], exactLat, exactLon);
      double inside = 40;
      double outside = 0.1;
      while (stopped == null && inside - outside > 0.001) {
        double radius = (inside + outside) / 2;
        Reply answer = request(OTHER_FORCE, 14, 63.8, 25.0, """
            , "exclusionZones": [{"lat": %s, "lon": %s, "radiusKm": %s}]""".formatted(centre[0], centre[1], radius));
        if (answer.status() == 429) {
          stopped = answer;
          break;
        }
        probes++;
        if (heldAt(answer, codeName)) {
          outside = radius;
        } else {
          inside = radius;
        }
        cancel(OTHER_FORCE, answer);
        // Every answer so far is the one the shelter's area gives, wherever in it the shelter lies.
        assertThat(areaKm).as("the answers follow the area").isBetween(outside, inside);
      }
      if (stopped != null) {
        break;
      }
      assertThat(Math.abs((inside + outside) / 2 - exactKm)).as("never the exact distance").isGreaterThan(0.5);
    }

    assertThat(stopped).as("probing is stopped before it ends (after %d probes)", probes).isNotNull();
    assertThat(stopped.isProblem()).isTrue();
    assertThat(stopped.body()).doesNotContain(codeName);
    assertThat(alerts("REQUEST_CHURN")).as("coordinators are alerted").isNotEmpty();
    // The account is free again once its window ends.
    long retryAfter = Long.parseLong(stopped.retryAfter());
    assertThat(retryAfter).isBetween(1L, 20L);
    await().pollDelay(Duration.ofSeconds(retryAfter)).atMost(Duration.ofSeconds(retryAfter + 25)).untilAsserted(() -> {
      Reply again = request(OTHER_FORCE, 14, 63.8, 25.0, "");
      assertThat(again.status()).isIn(201, 202);
      gateway.post(COORDINATOR, "/api/placements/" + id(again) + "/cancel", null);
    });
  }

  @Test
  void namingAnotherForcesCaseChangesNothingTheCallerSeesAndGoesToCoordinators() {
    String codeName = shelterAt(64.1012, -21.9034); // alone, far west
    String caseRef = "PJ-ORACLE-KA-" + shortId();
    Reply placed = gateway.post(POLICE, "/api/placements", """
        {"policeCaseRef": "%s", "person": {"ageYears": 15, "gender": "FEMALE"}, "needs": [],
         "location": {"lat": 64.05, "lon": -21.95}}""".formatted(caseRef),
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(heldAt(placed, codeName)).as(placed.body()).isTrue();

    Reply without = request(OTHER_FORCE, 15, 64.05, -21.95, "");
    Reply naming = request(OTHER_FORCE, 15, 64.05, -21.95, ", \"keepApartFrom\": [\"" + caseRef + "\"]");

    assertThat(heldAt(without, codeName)).as(without.body()).isTrue();
    assertThat(heldAt(naming, codeName)).as("the same answer as without the reference").isTrue();
    assertThat(naming.body()).doesNotContain(caseRef).doesNotContain(id(placed));
    assertThat(alerts("KEEP_APART_REVIEW")).as("a coordinator judges the rule")
        .anySatisfy(alert -> {
          assertThat(alert.get("placementId").asString()).isEqualTo(id(naming));
          assertThat(alert.get("relatedPlacementId").asString()).isEqualTo(id(placed));
        });
    assertThat(gateway.get(OTHER_FORCE, "/api/alerts").body()).doesNotContain(id(placed));
    for (Reply answer : List.of(placed, without, naming)) {
      gateway.post(COORDINATOR, "/api/placements/" + id(answer) + "/cancel", null);
    }
  }

  /** An 18-year-old near Marseille (the demo shelter there for her age is Tern), checked in. */
  private static String checkedInYoungAdult(String caseRef) {
    Reply held = gateway.post(POLICE, "/api/placements", """
        {"policeCaseRef": "%s", "person": {"ageYears": 18, "gender": "FEMALE"}, "needs": [],
         "location": {"lat": 43.28, "lon": 5.39}}""".formatted(caseRef),
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(held.status()).as(held.body()).isEqualTo(201);
    Reply checkedIn = gateway.post(MANAGER, "/api/placements/" + id(held) + "/check-in", null);
    assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
    return id(held);
  }

  private static String unitAt(String officer, double lat, double lon) {
    Reply unit = gateway.post(officer, "/api/rental-units", """
        {"region": "south", "location": {"lat": %s, "lon": %s}, "address": "2 Allee Inventee %s, Port-Fictif",
         "bedrooms": 1, "monthlyRent": 500, "accessible": false, "availableFrom": "2026-01-01",
         "suitableFor": ["YOUNG_ADULT"]}""".formatted(lat, lon, shortId()));
    assertThat(unit.status()).as(unit.body()).isEqualTo(201);
    return unit.json().get("id").asString();
  }

  private static Reply referral(String officer, String placementId, String extra) {
    AtomicReference<Reply> created = new AtomicReference<>();
    // The referral service learns of the check-in from its event: 409 until then.
    await().atMost(EVENTUAL).untilAsserted(() -> {
      Reply reply = gateway.post(officer, "/api/referrals", """
          {"placementId": "%s", "needs": ["YOUNG_ADULT"], "preferredRegions": ["south"]%s}"""
          .formatted(placementId, extra));
      assertThat(reply.status()).as(reply.body()).isNotEqualTo(409);
      created.set(reply);
    });
    return created.get();
  }

  @Test
  void aHousingOfficerOfAnotherAgencyCannotFindWhereARehousedGirlLives() {
    // Her own agency rehouses her at a home of its own.
    String tenantRef = "PJ-ORACLE-HOME-" + shortId();
    String tenant = checkedInYoungAdult(tenantRef);
    double homeLat = 43.2188;
    double homeLon = 5.5127;
    String home = unitAt(HOUSING, homeLat, homeLon);
    Reply rehoused = referral(HOUSING, tenant, ", \"unitId\": \"" + home + "\"");
    assertThat(rehoused.status()).as(rehoused.body()).isEqualTo(201);
    String path = "/api/referrals/" + id(rehoused);
    assertThat(gateway.post(HOUSING, path + "/accept", null).status()).isEqualTo(200);
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(gateway.post(HOUSING, path + "/move-in", "{\"moveInDate\": \"" + today + "\"}").status())
        .isEqualTo(200);

    // Another agency's officer names her case and probes with units of her own around that home.
    String resident = checkedInYoungAdult("PJ-ORACLE-RES-" + shortId());
    List<String> probes = new ArrayList<>();
    for (double km : new double[] {0.2, 0.6, 1.2, 1.9, 2.5, 4}) {
      probes.add(unitAt(OTHER_HOUSING, homeLat + km / 111.195, homeLon));
    }
    Reply probing = referral(OTHER_HOUSING, resident, ", \"keepApartRefs\": [\"" + tenantRef + "\"]");
    assertThat(probing.status()).as(probing.body()).isEqualTo(201);
    Reply matches = gateway.get(OTHER_HOUSING, "/api/referrals/" + id(probing) + "/matches?limit=50");
    assertThat(matches.status()).as(matches.body()).isEqualTo(200);

    assertThat(matches.json().findValuesAsString("unitId")).as("no unit is refused for her reference")
        .containsAll(probes);
    Reply offered = gateway.post(OTHER_HOUSING, "/api/referrals/" + id(probing) + "/offers",
        "{\"unitId\": \"" + probes.getFirst() + "\"}");
    assertThat(offered.status()).as(offered.body()).isEqualTo(200);
    assertThat(gateway.bodiesSeenBy(OTHER_HOUSING)).noneMatch(body -> body.contains(home) || body.contains(tenant));
    releaseDemoDrivers(List.of(tenant, resident));
  }

  /**
   * The tenancy booked her move, and a demo driver in the south may have been offered it (or a
   * pick-up): declined, so that the drivers are free for the journeys that follow.
   */
  private static void releaseDemoDrivers(List<String> placementIds) {
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < until) {
      JourneySteps.DriversJob offered = JourneySteps.jobOfAnyDriver(gateway,
          job -> placementIds.contains(job.path("placementId").asString())
              && "OFFERED".equals(job.path("status").asString()));
      if (offered != null) {
        gateway.post(offered.driver(), "/api/transport/jobs/" + offered.id() + "/decline", null);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
