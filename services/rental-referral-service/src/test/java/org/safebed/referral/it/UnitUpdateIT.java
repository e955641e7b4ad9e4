package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.safebed.platform.testing.TestTokens;

/**
 * Changing a rental unit's description: only an AVAILABLE unit, by its agency's housing officers;
 * its address and location stay sealed as registered, and matching sees the change at once.
 */
class UnitUpdateIT extends ServiceIT {

  private static final Map<String, Object> CHANGE = Map.of("region", "central", "bedrooms", 3, "monthlyRent", 720,
      "accessible", true, "availableFrom", "2026-02-01", "suitableFor", List.of("WITH_CHILD"));

  private Response change(String unitId, String token, Map<String, Object> body) {
    return api.put("/api/rental-units/" + unitId, token, body);
  }

  @Test
  void anAvailableUnitIsChangedAndMatchingSeesTheChange() {
    String unitId = unit();
    String referralId = openReferral();
    assertThat(api.get("/api/referrals/" + referralId + "/matches", officer).body()).contains(unitId);

    Response changed = change(unitId, officer, CHANGE);

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.text("monthlyRent")).isEqualTo("720");
    assertThat(changed.text("status")).isEqualTo("AVAILABLE");
    assertThat(changed.body()).doesNotContain("Rue des Essais").doesNotContain("address").doesNotContain("location");
    Response read = api.get("/api/rental-units/" + unitId, officer);
    assertThat(read.text("bedrooms")).isEqualTo("3");
    assertThat(read.body()).contains("WITH_CHILD").doesNotContain("YOUNG_ADULT");
    assertThat(api.get("/api/referrals/" + referralId + "/matches", officer).body())
        .as("no longer suits a young adult on her own").doesNotContain(unitId);
  }

  @Test
  void aUnitInUseIsNotChangedAndOtherAgenciesAndRolesMayNot() {
    String offered = unit();
    offeredReferral(offered);
    assertProblem(change(offered, officer, CHANGE), 409);
    assertThat(api.get("/api/rental-units/" + offered, officer).body()).doesNotContain("\"monthlyRent\":720");

    String unitId = unit();
    assertProblem(change(unitId, TestTokens.housingOfficer("officer-other", "agency-other-" + shortId()), CHANGE), 404);
    for (String token : List.of(TestTokens.coordinator("coordinator-1"), TestTokens.police("police-1"),
        TestTokens.driver("driver-1"), TestTokens.shelterManager("manager-1", "shelter-1"))) {
      assertProblem(change(unitId, token, CHANGE), 403);
    }
    assertProblem(change(unitId, null, CHANGE), 401);
    Map<String, Object> withAddress = new java.util.HashMap<>(CHANGE);
    withAddress.put("address", "1 Rue Nouvelle");
    assertProblem(change(unitId, officer, withAddress), 400);
  }
}
