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

/** Hard eligibility, keep-apart, the travel limit, and the recorded reasons, through the API. */
class MatchingRulesIT extends OccupancyIT {

  private ServiceHttp.Response request(String caseRef, GeoPoint where, Map<String, Object> extra) {
    Map<String, Object> body = placementBody(14, "FEMALE", where, new ArrayList<>());
    body.put("policeCaseRef", caseRef);
    body.putAll(extra);
    return requestPlacement(TestTokens.police(unique("police")), body);
  }

  @Test
  void childAccessSpecialismsAndLanguagesAreHardRules() {
    GeoPoint area = newArea();
    String plain = minorGirlsShelter(offset(area, 0.02, 0), 3);
    Map<String, Object> special = eligibility(12, 17, "FEMALE");
    special.put("acceptsAccompanyingChild", true);
    special.put("accessible", true);
    special.put("languages", List.of("fr", "ro"));
    special.put("specialisms", List.of("TRAFFICKING"));
    String equipped = shelter(offset(area, 0.3, 0), special, 3);

    ServiceHttp.Response needsAll = request("PJ-HR-1", area, Map.of("needs", List.of("ACCOMPANYING_CHILD", "WHEELCHAIR_ACCESS"),
        "specialisms", List.of("TRAFFICKING"), "languages", List.of("ro", "uk")));
    ServiceHttp.Response plainRequest = request("PJ-HR-2", area, Map.of());
    ServiceHttp.Response unspoken = request("PJ-HR-3", area, Map.of("languages", List.of("uk")));

    assertThat(needsAll.status()).as(needsAll.body()).isEqualTo(201);
    assertThat(bedOf(id(needsAll)).getString("shelterId")).isEqualTo(equipped);
    assertThat(bedOf(id(plainRequest)).getString("shelterId")).isEqualTo(plain);
    assertThat(unspoken.status()).as("nobody speaks her language").isEqualTo(202);
    http.post("/api/placements/" + id(unspoken) + "/cancel", coordinator(), null);
  }

  @Test
  void noShelterWhereSomeoneSheMustBeKeptApartFromIsPlacedEitherWay() {
    GeoPoint area = newArea();
    String nearest = minorGirlsShelter(offset(area, 0.02, 0), 3);
    String farther = minorGirlsShelter(offset(area, 0.3, 0), 3);

    String first = id(request("PJ-KA-0001", area, Map.of()));
    ServiceHttp.Response apart = request("PJ-KA-0002", area, Map.of("keepApartFrom", List.of("pj-ka-0001")));
    String naming = id(request("PJ-KA-0003", area, Map.of("keepApartFrom", List.of("PJ-KA-0009"))));
    ServiceHttp.Response named = request("PJ-KA-0009", area, Map.of());

    assertThat(bedOf(first).getString("shelterId")).isEqualTo(nearest);
    assertThat(bedOf(id(apart)).getString("shelterId")).as("she named someone placed there").isEqualTo(farther);
    assertThat(bedOf(naming).getString("shelterId")).isEqualTo(nearest);
    assertThat(bedOf(id(named)).getString("shelterId")).as("someone there named her").isEqualTo(farther);
    assertThat(http.get("/api/placements/" + id(apart), coordinator()).json().get("matchReasons").toString())
        .contains("NO_KEEP_APART_CONFLICT");
    for (String id : List.of(first, id(apart), naming, id(named))) {
      assertThat(placementDocument(id).toJson()).as("references are stored as keyed hashes only")
          .doesNotContainIgnoringCase("PJ-KA-");
      assertThat(bedOf(id).toJson()).doesNotContainIgnoringCase("PJ-KA-");
    }
  }

  @Test
  void aMaximumTravelTimeIsRespected() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.6, 0), 2);

    ServiceHttp.Response tooFar = request("PJ-MT-1", area, Map.of("maxTravelMinutes", 30));
    ServiceHttp.Response anyDistance = request("PJ-MT-2", area, Map.of());

    assertThat(tooFar.status()).isEqualTo(202);
    assertThat(anyDistance.status()).isEqualTo(201);
    http.post("/api/placements/" + id(tooFar) + "/cancel", coordinator(), null);
  }

  @Test
  void theReasonsAreRecordedAndShownToCoordinatorsOnly() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.05, 0), 2);
    String police = unique("police");
    String placementId = id(requestFor(police, area));

    ServiceHttp.Response forCoordinator = http.get("/api/placements/" + placementId, coordinator());
    ServiceHttp.Response forPolice = http.get("/api/placements/" + placementId, TestTokens.police(police));
    ServiceHttp.Response forManager = http.get("/api/placements/" + placementId, manager(shelter));

    assertThat(forCoordinator.json().get("matchReasons").valueStream().map(r -> r.asString()))
        .anySatisfy(r -> assertThat(r).startsWith("TRAVEL_MINUTES"))
        .anySatisfy(r -> assertThat(r).startsWith("ELIGIBLE"));
    assertThat(forCoordinator.json().get("matchReasons").toString()).doesNotContain(String.valueOf(area.lat()));
    assertThat(forPolice.json().has("matchReasons")).isFalse();
    assertThat(forManager.json().has("matchReasons")).isFalse();
    assertThat(placementDocument(placementId).getList("matchReasons", String.class)).isNotEmpty();
    assertThat(mongo.getCollection("audit_log").countDocuments(new Document("action", "LOCATION_OPENED")
        .append("recordId", shelter))).as("matching judges shelters by their areas: no sealed location is opened")
        .isZero();
  }
}
