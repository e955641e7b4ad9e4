package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.safebed.platform.testing.TestTokens;

/** The unit address leaves only to the transport service, for a due move, audited every time. */
class MoveDestinationIT extends ServiceIT {

  private static final String TRANSPORT = TestTokens.service("transport-service");

  private String[] forDriver(String job) {
    return new String[] {"X-On-Behalf-Of", "driver-7", "X-Transport-Job", job};
  }

  private String movedIn(String address, int moveInInDays) {
    Response unit =
        api.post("/api/rental-units", officer, unitBody("central", CENTRAL_LAT + 0.2, CENTRAL_LON, address));
    String referralId = acceptedReferral(unit.text("id"));
    assertThat(api.post("/api/referrals/" + referralId + "/move-in", officer, Map.of("moveInDate", today(moveInInDays)))
        .status()).isEqualTo(200);
    return referralId;
  }

  private List<Document> audit(String referralId) {
    return mongo.getCollection("audit_log").find(new Document("recordId", referralId)).into(new java.util.ArrayList<>());
  }

  @Test
  void theDriverOfADueMoveGetsTheAddressAndTheDisclosureIsAudited() {
    String address = addressFor("dest-" + shortId());
    String referralId = movedIn(address, 1);

    Response response = api.get("/internal/referrals/" + referralId + "/destination", TRANSPORT, forDriver("job-move-1"));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.text("address")).isEqualTo(address);
    assertThat(response.header("Cache-Control")).contains("no-store");

    Document entry =
        audit(referralId).stream().filter(d -> "ADDRESS_DISCLOSED".equals(d.getString("action"))).findFirst().orElseThrow();
    assertThat(entry.getString("actor")).isEqualTo("transport-service");
    assertThat(entry.getString("actorRole")).isEqualTo("SERVICE");
    assertThat(entry.getString("onBehalfOf")).isEqualTo("driver-7");
    assertThat(entry.getString("purpose")).contains("job-move-1");
    assertThat(entry.getString("outcome")).isEqualTo("GRANTED");
    assertThat(entry.toJson()).doesNotContain(address);
  }

  @Test
  void noAddressBeforeTheMoveIsDueOrBeforeMoveIn() {
    String farFuture = movedIn(addressFor("later-" + shortId()), 30);
    assertProblem(api.get("/internal/referrals/" + farFuture + "/destination", TRANSPORT, forDriver("job-2")), 403);
    assertThat(audit(farFuture)).anyMatch(d -> "DENIED".equals(d.getString("outcome")));

    String accepted = acceptedReferral(unit());
    Response refused = api.get("/internal/referrals/" + accepted + "/destination", TRANSPORT, forDriver("job-3"));
    assertProblem(refused, 403);
    assertThat(refused.body()).doesNotContain("Rue");
    assertProblem(api.get("/internal/referrals/ref-unknown/destination", TRANSPORT, forDriver("job-4")), 404);
  }

  @Test
  void onlyServicesMayAskAndMustSayForWhom() {
    String referralId = movedIn(addressFor("who-" + shortId()), 0);
    for (String token : List.of(officer, TestTokens.coordinator("c"), TestTokens.driver("driver-7"), TestTokens.police("p"))) {
      assertProblem(api.get("/internal/referrals/" + referralId + "/destination", token, forDriver("job-5")), 403);
    }
    assertProblem(api.get("/internal/referrals/" + referralId + "/destination", null, forDriver("job-5")), 401);
    assertProblem(api.get("/internal/referrals/" + referralId + "/destination", TRANSPORT), 400);
    assertProblem(
        api.get("/internal/referrals/" + referralId + "/destination", TRANSPORT,
            "X-On-Behalf-Of", "driver 7!", "X-Transport-Job", "job-5"), 400);
  }
}
