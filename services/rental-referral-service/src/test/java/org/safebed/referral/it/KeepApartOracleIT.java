package org.safebed.referral.it;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.safebed.platform.testing.TestTokens;
import org.safebed.referral.domain.GeoPoint;

/**
 * The attack of issue 16 (3): a housing officer who chooses the units she offers and the references
 * she adds must not be able to work out where a rehoused girl lives. Refusals depend on a tenant's
 * coarse area only, and references an officer adds count only against her own agency's tenants.
 */
class KeepApartOracleIT extends ServiceIT {

  /** Two homes of one coarse area (48.85, 2.35), at opposite corners: ~6 km apart. */
  private static final GeoPoint SOUTH_WEST_HOME = new GeoPoint(48.8262, 2.3262);
  private static final GeoPoint NORTH_EAST_HOME = new GeoPoint(48.8738, 2.3738);
  private static final GeoPoint AREA = new GeoPoint(48.85, 2.35);
  /** The configured keep-apart radius (2 km) widened by the farthest a home lies from its area point. */
  private static final double REFUSED_WITHIN_KM = 2 + GeoPoint.AREA_HALF_DIAGONAL_KM;

  private void occupancyAnswers(String placementId, String keepApartTokens, String officersTokens) {
    OCCUPANCY.stubFor(post(urlEqualTo("/internal/placements/" + placementId + "/safety-constraints")).atPriority(1)
        .willReturn(okJson("""
            {"caseToken": "ct-%s", "keepApartTokens": [%s], "officersKeepApartTokens": [%s], "exclusionZones": []}"""
            .formatted(placementId, keepApartTokens, officersTokens))));
  }

  private Response referral(String officerToken, String placementId, String unitId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("placementId", placementId);
    if (unitId != null) {
      body.put("unitId", unitId);
    }
    body.put("needs", List.of("YOUNG_ADULT"));
    return api.post("/api/referrals", officerToken, body);
  }

  /** A girl rehoused by {@code officerToken}'s agency in a unit at {@code home}; returns her case token. */
  private String tenantAt(String officerToken, GeoPoint home) {
    String placement = checkedIn();
    occupancyAnswers(placement, "", "");
    String unit = unitAt(officerToken, home.lat(), home.lon());
    Response offered = referral(officerToken, placement, unit);
    assertThat(offered.status()).as(offered.body()).isEqualTo(201);
    String path = "/api/referrals/" + offered.text("id");
    assertThat(api.post(path + "/accept", officerToken, null).status()).isEqualTo(200);
    assertThat(api.post(path + "/move-in", officerToken, Map.of("moveInDate", today(0))).status()).isEqualTo(200);
    return "ct-" + placement;
  }

  private Set<String> matchedUnits(String referralId) {
    Response matches = api.get("/api/referrals/" + referralId + "/matches?limit=50", officer);
    assertThat(matches.status()).as(matches.body()).isEqualTo(200);
    Set<String> units = new HashSet<>();
    matches.json().forEach(match -> units.add(match.path("unitId").asString()));
    return units;
  }

  private static GeoPoint offset(GeoPoint from, double kmNorth, double kmEast) {
    return new GeoPoint(from.lat() + kmNorth / 111.195,
        from.lon() + kmEast / (111.195 * Math.cos(Math.toRadians(from.lat()))));
  }

  @Test
  void unitsAtChosenDistancesTellTheHomesAreaAtMostNeverWhereInItSheLives() {
    String first = tenantAt(officer, SOUTH_WEST_HOME);
    String second = tenantAt(officer, NORTH_EAST_HOME);
    // Probe units around the area in six directions at distances straddling every boundary.
    Map<String, GeoPoint> probes = new LinkedHashMap<>();
    double[][] directions = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {0.7071, 0.7071}, {-0.7071, -0.7071}};
    for (double km : new double[] {1, 3, 5, 6.5, 8, 11}) {
      for (double[] d : directions) {
        GeoPoint at = offset(AREA, d[0] * km, d[1] * km);
        probes.put(unitAt(officer, at.lat(), at.lon()), at);
      }
    }
    // Two residents, each to be kept apart (by her placement, i.e. by police) from one of the two.
    String keptFromFirst = checkedIn();
    occupancyAnswers(keptFromFirst, "\"" + first + "\"", "");
    String keptFromSecond = checkedIn();
    occupancyAnswers(keptFromSecond, "\"" + second + "\"", "");
    Response a = referral(officer, keptFromFirst, null);
    Response b = referral(officer, keptFromSecond, null);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(b.status()).as(b.body()).isEqualTo(201);

    Set<String> forFirst = matchedUnits(a.text("id"));
    Set<String> forSecond = matchedUnits(b.text("id"));

    assertThat(forFirst).as("the same answers whichever corner of the area she lives in").isEqualTo(forSecond);
    List<String> expected = new ArrayList<>();
    probes.forEach((unit, at) -> {
      if (at.distanceKm(AREA) > REFUSED_WITHIN_KM) {
        expected.add(unit);
      }
    });
    assertThat(forFirst).containsExactlyInAnyOrderElementsOf(expected);
    probes.forEach((unit, at) -> {
      if (at.distanceKm(SOUTH_WEST_HOME) <= 2 || at.distanceKm(NORTH_EAST_HOME) <= 2) {
        assertThat(forFirst).as("the keep-apart radius around the real home still holds").doesNotContain(unit);
      }
    });
    assertThat(expected).as("the probes straddle the boundary").isNotEmpty().hasSizeLessThan(probes.size());

    String refusedUnit = probes.keySet().iterator().next();
    Response refused = api.post("/api/referrals/" + a.text("id") + "/offers", officer, Map.of("unitId", refusedUnit));
    assertProblem(refused, 422);
    assertThat(refused.body()).doesNotContain("exclusion zone").doesNotContain(first);
  }

  @Test
  void aReferenceAnOfficerAddsCountsOnlyAgainstTenantsOfHerOwnAgency() {
    String tenant = tenantAt(officer, SOUTH_WEST_HOME);
    GeoPoint nextDoor = offset(SOUTH_WEST_HOME, 0.5, 0);

    // An officer of another agency names that girl's case and offers a unit of her own next door:
    // nothing tells her that the girl lives there.
    String otherOfficer = TestTokens.housingOfficer("officer-" + shortId(), "agency-" + shortId());
    String herUnit = unitAt(otherOfficer, nextDoor.lat(), nextDoor.lon());
    String probing = checkedIn();
    occupancyAnswers(probing, "", "\"" + tenant + "\"");
    Response acrossAgencies = referral(otherOfficer, probing, herUnit);
    assertThat(acrossAgencies.status()).as(acrossAgencies.body()).isEqualTo(201);

    // The agency that housed her knows where she lives: its officer's reference is honoured.
    String ownUnit = unitAt(officer, nextDoor.lat(), nextDoor.lon());
    String resident = checkedIn();
    occupancyAnswers(resident, "", "\"" + tenant + "\"");
    assertProblem(referral(officer, resident, ownUnit), 422);
    assertThat(unitStatus(ownUnit)).isEqualTo("AVAILABLE");

    // A reference police gave with her placement counts whoever houses her.
    String policeNamedHer = checkedIn();
    occupancyAnswers(policeNamedHer, "\"" + tenant + "\"", "");
    String anotherUnit = unitAt(otherOfficer, nextDoor.lat(), nextDoor.lon() + 0.001);
    assertProblem(referral(otherOfficer, policeNamedHer, anotherUnit), 422);
  }
}
