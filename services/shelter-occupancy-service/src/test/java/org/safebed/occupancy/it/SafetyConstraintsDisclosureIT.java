package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Her safety constraints go to the rental referral service's own account only, for a referral
 * while she is checked in, and every attempt is audited against the officer it is for.
 */
class SafetyConstraintsDisclosureIT extends OccupancyIT {

  private static final String REFERRAL_SERVICE = TestTokens.service("rental-referral-service");

  private ServiceHttp.Response constraints(String placementId, String token) {
    return constraints(placementId, token, List.of());
  }

  private ServiceHttp.Response constraints(String placementId, String token, List<String> officersReferences) {
    return http.post("/internal/placements/" + placementId + "/safety-constraints", token,
        ServiceHttp.json(Map.of("keepApartFrom", officersReferences)), "X-On-Behalf-Of", "officer-42");
  }

  @Test
  void theReferralServiceReadsTheConstraintsOfACheckedInResidentAndEveryAttemptIsAudited() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.05, 0), 2);
    String police = unique("police");
    Map<String, Object> body = placementBody(16, "FEMALE", area,
        List.of(Map.of("lat", area.lat() + 0.3, "lon", area.lon(), "radiusKm", 4.0)));
    body.put("keepApartFrom", List.of("PJ-2026-4711"));
    ServiceHttp.Response asked = requestPlacement(TestTokens.police(police), body);
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    String placement = id(asked);

    assertThat(constraints(placement, REFERRAL_SERVICE).status()).as("held, not checked in").isEqualTo(403);
    assertThat(checkIn(placement, shelter).status()).isEqualTo(200);
    ServiceHttp.Response granted = constraints(placement, REFERRAL_SERVICE);

    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    assertThat(granted.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    JsonNode answer = granted.json();
    Document stored = placementDocument(placement);
    assertThat(answer.get("caseToken").asString()).isEqualTo(stored.getString("caseToken"));
    assertThat(answer.get("keepApartTokens").valueStream().map(JsonNode::asString).toList())
        .isEqualTo(stored.get("request", Document.class).getList("keepApart", String.class));
    assertThat(granted.body()).doesNotContain("PJ-2026");
    JsonNode zone = answer.get("exclusionZones").get(0);
    assertThat(zone.get("lat").asDouble()).isEqualTo(area.lat() + 0.3);
    assertThat(zone.get("radiusKm").asDouble()).isEqualTo(4.0);

    for (String other : List.of(TestTokens.service("transport-service"), TestTokens.police(police),
        manager(shelter), coordinator())) {
      assertThat(constraints(placement, other).status()).isEqualTo(403);
    }
    assertThat(auditFor(placement)).filteredOn(e -> "SAFETY_CONSTRAINTS_DISCLOSED".equals(e.getString("action")))
        .extracting(e -> e.getString("actor") + "/" + e.getString("onBehalfOf") + "/" + e.getString("outcome"))
        .containsExactly("rental-referral-service/officer-42/DENIED", "rental-referral-service/officer-42/GRANTED",
            "transport-service/officer-42/DENIED");
    assertThat(constraints("no-such-placement", REFERRAL_SERVICE).status()).isEqualTo(403);

    // The officer's references come back as tokens of the same key, apart from the placement's: the
    // referral service matches them with her own agency's tenants only.
    ServiceHttp.Response withOfficers = constraints(placement, REFERRAL_SERVICE, List.of("PJ-2026-5150", "pj-2026-4711"));
    assertThat(withOfficers.status()).as(withOfficers.body()).isEqualTo(200);
    assertThat(withOfficers.body()).doesNotContain("5150").doesNotContain("4711");
    List<String> placements = withOfficers.json().get("keepApartTokens").valueStream().map(JsonNode::asString).toList();
    List<String> officers =
        withOfficers.json().get("officersKeepApartTokens").valueStream().map(JsonNode::asString).toList();
    assertThat(placements).isEqualTo(stored.get("request", Document.class).getList("keepApart", String.class));
    assertThat(officers).as("tokenised with the key police references are").hasSize(2).containsAll(placements);
    ServiceHttp.Response badReference = constraints(placement, REFERRAL_SERVICE, List.of("$ne"));
    assertThat(badReference.status()).isEqualTo(400);
    assertThat(badReference.isProblem()).isTrue();
  }
}
