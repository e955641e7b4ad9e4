package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.safebed.platform.testing.TestTokens;

/**
 * Withdrawing a rental unit: by its agency's housing officers or a coordinator, refused while the
 * unit is offered or let, audited, and a withdrawn unit is never matched or offered again.
 */
class UnitWithdrawalIT extends ServiceIT {

  private Response withdraw(String unitId, String token) {
    return api.post("/api/rental-units/" + unitId + "/withdraw", token, null);
  }

  private List<Document> auditOf(String unitId) {
    return mongo.getCollection("audit_log").find(new Document("recordId", unitId)).into(new ArrayList<>());
  }

  @Test
  void aWithdrawnUnitIsNeverMatchedNorOfferedAgain() {
    String unitId = unit();
    String referralId = openReferral();
    assertThat(api.get("/api/referrals/" + referralId + "/matches", officer).body()).contains(unitId);

    Response withdrawn = withdraw(unitId, officer);

    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
    assertThat(unitStatus(unitId)).isEqualTo("WITHDRAWN");
    assertThat(api.get("/api/referrals/" + referralId + "/matches", officer).body()).doesNotContain(unitId);
    Response offer = api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", unitId));
    assertThat(offer.status()).as(offer.body()).isIn(409, 422);
    assertThat(unitStatus(unitId)).isEqualTo("WITHDRAWN");
    assertThat(withdraw(unitId, officer).text("status")).as("idempotent").isEqualTo("WITHDRAWN");
    assertThat(auditOf(unitId)).anySatisfy(entry -> {
      assertThat(entry.getString("action")).isEqualTo("UNIT_WITHDRAWN");
      assertThat(entry.getString("actor")).isEqualTo(officerSubject);
      assertThat(entry.getString("outcome")).isEqualTo("DONE");
    });
  }

  @Test
  void aUnitInUseIsNotWithdrawnAndTheRefusalIsAudited() {
    String offered = unit();
    offeredReferral(offered);
    assertProblem(withdraw(offered, officer), 409);
    assertThat(unitStatus(offered)).isEqualTo("RESERVED");

    String let = unit();
    String referralId = acceptedReferral(let);
    Response movedIn = api.post("/api/referrals/" + referralId + "/move-in", officer, Map.of("moveInDate", today(0)));
    assertThat(movedIn.status()).as(movedIn.body()).isEqualTo(200);
    assertProblem(withdraw(let, TestTokens.coordinator("coordinator-1")), 409);
    assertThat(unitStatus(let)).isEqualTo("LET");

    assertThat(auditOf(offered)).anySatisfy(entry -> assertThat(entry.getString("outcome")).isEqualTo("REFUSED_IN_USE"));
  }

  @Test
  void coordinatorsMayWithdrawAnyUnitOtherAgenciesAndRolesMayNot() {
    String unitId = unit();
    String stranger = TestTokens.housingOfficer("officer-other", "agency-other-" + shortId());
    assertProblem(withdraw(unitId, stranger), 404);
    assertProblem(withdraw("unit-nobody-" + shortId(), officer), 404);
    for (String token : List.of(TestTokens.police("police-1"), TestTokens.driver("driver-1"),
        TestTokens.shelterManager("manager-1", "shelter-1"))) {
      assertProblem(withdraw(unitId, token), 403);
    }
    assertProblem(withdraw(unitId, null), 401);
    assertThat(unitStatus(unitId)).isEqualTo("AVAILABLE");

    Response withdrawn = withdraw(unitId, TestTokens.coordinator("coordinator-1"));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.body()).doesNotContain("Rue des Essais");
    assertThat(unitStatus(unitId)).isEqualTo("WITHDRAWN");
  }
}
