package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The attacks of issue 16 (1 and 2), played against the service: a police account that bisects an
 * exclusion zone's radius, or names someone else's case, learns nothing finer than a shelter's
 * coarse area, and nothing at all about where another agency's case lives.
 */
class LocationOracleIT extends OccupancyIT {

  private static final double AREA_STEP = 0.05;

  private ServiceHttp.Response request(String police, GeoPoint where, List<Map<String, Object>> zones,
      Map<String, Object> extra) {
    Map<String, Object> body = placementBody(14, "FEMALE", where, zones);
    body.putAll(extra);
    return requestPlacement(police, body);
  }

  private boolean heldAt(ServiceHttp.Response answer, String codeName) {
    JsonNode shelter = answer.json().get("shelter");
    return answer.status() == 201 && shelter != null && codeName.equals(shelter.get("codeName").asString());
  }

  private void cancel(ServiceHttp.Response answer) {
    http.post("/api/placements/" + id(answer) + "/cancel", coordinator(), null);
  }

  /** The radius at which a zone around {@code centre} stops the bed being held at the shelter, to 1 m. */
  private double boundaryKm(GeoPoint centre, GeoPoint pickup, String codeName) {
    double inside = 40; // a zone this large certainly covers the shelter
    double outside = 0.1;
    while (inside - outside > 0.001) {
      double radius = (inside + outside) / 2;
      ServiceHttp.Response answer = request(TestTokens.police(unique("police")), pickup,
          List.of(Map.of("lat", centre.lat(), "lon", centre.lon(), "radiusKm", radius)), Map.of());
      if (heldAt(answer, codeName)) {
        outside = radius;
      } else {
        inside = radius;
      }
      cancel(answer);
    }
    return (inside + outside) / 2;
  }

  /** The shortest distance from a point to the 0.05° square around an area point. */
  private static double toAreaKm(GeoPoint from, GeoPoint area) {
    double lat = Math.clamp(from.lat(), area.lat() - AREA_STEP / 2, area.lat() + AREA_STEP / 2);
    double lon = Math.clamp(from.lon(), area.lon() - AREA_STEP / 2, area.lon() + AREA_STEP / 2);
    return from.distanceKmTo(new GeoPoint(lat, lon));
  }

  private String codeName(String shelterId) {
    return mongo.getCollection("shelters").find(new Document("_id", shelterId)).first().getString("codeName");
  }

  @Test
  void bisectingAnExclusionZoneFindsTheShelterSAreaAtMost() {
    GeoPoint area = newArea();
    GeoPoint exact = offset(area, 0.0123, 0.0171);
    String codeName = codeName(minorGirlsShelter(exact, 1));
    GeoPoint pickup = offset(area, -0.2, 0);

    for (GeoPoint centre : List.of(offset(exact, 0.1, 0), offset(exact, 0, 0.1), offset(exact, -0.07, -0.07))) {
      double boundary = boundaryKm(centre, pickup, codeName);

      assertThat(boundary).as("the zone's edge meets the area, wherever in it the shelter lies")
          .isCloseTo(toAreaKm(centre, area), org.assertj.core.data.Offset.offset(0.01));
      assertThat(Math.abs(boundary - centre.distanceKmTo(exact))).as("not the exact location").isGreaterThan(0.5);
    }
  }

  @Test
  void bisectingWhereSheIsUnderATravelLimitFindsTheAreaPointAtMost() {
    GeoPoint area = newArea();
    GeoPoint exact = offset(area, 0.0187, -0.0142);
    String codeName = codeName(minorGirlsShelter(exact, 1));
    // With a 30-minute limit (50 km/h, detour 1.3: ~19.2 km), move the pick-up north along the
    // shelter's meridian until the bed is no longer held there.
    double near = 0;
    double far = 0.5;
    while ((far - near) * 111.2 > 0.001) {
      double dLat = (near + far) / 2;
      ServiceHttp.Response answer = request(TestTokens.police(unique("police")), offset(exact, dLat, 0), List.of(),
          Map.of("maxTravelMinutes", 30));
      if (heldAt(answer, codeName)) {
        near = dLat;
      } else {
        far = dLat;
      }
      cancel(answer);
    }
    GeoPoint boundary = offset(exact, (near + far) / 2, 0);

    assertThat(boundary.distanceKmTo(area)).as("the limit is met at the area point")
        .isCloseTo(30.0 / 60 * 50 / 1.3, org.assertj.core.data.Offset.offset(0.02));
    assertThat(Math.abs(boundary.distanceKmTo(exact) - boundary.distanceKmTo(area))).as("not at the shelter")
        .isGreaterThan(1.0);
  }

  @Test
  void anotherAgencysCaseReferenceChangesNothingTheCallerSeesAndGoesToCoordinators() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.02, 0), 5);
    String codeName = codeName(shelter);
    String caseRef = "PJ-OR-" + unique("case").substring(5);
    ServiceHttp.Response placed = request(TestTokens.police(unique("police")), area, List.of(),
        Map.of("policeCaseRef", caseRef));
    assertThat(heldAt(placed, codeName)).as(placed.body()).isTrue();

    String otherForce = TestTokens.token().subject(unique("police")).roles("POLICE")
        .claim("agency_id", "police-other-force").sign();
    ServiceHttp.Response without = request(otherForce, area, List.of(), Map.of());
    ServiceHttp.Response naming = request(otherForce, area, List.of(), Map.of("keepApartFrom", List.of(caseRef)));

    assertThat(heldAt(without, codeName)).as(without.body()).isTrue();
    assertThat(heldAt(naming, codeName)).as("the same answer as without the reference: " + naming.body()).isTrue();
    List<JsonNode> reviews = new ArrayList<>();
    http.get("/api/alerts", coordinator()).json().forEach(alert -> {
      if ("KEEP_APART_REVIEW".equals(alert.get("type").asString()) && id(naming).equals(alert.get("placementId").asString())) {
        reviews.add(alert);
      }
    });
    assertThat(reviews).as("coordinators judge a rule between agencies").hasSize(1);
    assertThat(reviews.getFirst().get("relatedPlacementId").asString()).isEqualTo(id(placed));
    assertThat(http.get("/api/alerts", otherForce).body()).doesNotContain(id(placed)).doesNotContain("KEEP_APART");

    // Within one agency the rule applies by itself: that force placed her, and knows where.
    ServiceHttp.Response sameForce = request(TestTokens.police(unique("police")), area, List.of(),
        Map.of("keepApartFrom", List.of(caseRef)));
    assertThat(heldAt(sameForce, codeName)).as(sameForce.body()).isFalse();
    for (ServiceHttp.Response answer : List.of(placed, without, naming, sameForce)) {
      cancel(answer);
    }
  }
}
