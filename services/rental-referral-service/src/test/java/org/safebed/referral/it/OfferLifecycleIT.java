package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.safebed.platform.testing.TestTokens;
import org.safebed.referral.application.OfferExpiry;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Offers end by acceptance, decline or expiry; the unit always comes back when the offer ends. */
class OfferLifecycleIT extends ServiceIT {

  @Autowired OfferExpiry offerExpiry;

  @Test
  void declineReturnsTheUnitAndReopensTheReferral() {
    String unitId = unit();
    String referralId = offeredReferral(unitId);

    Response declined = api.post("/api/referrals/" + referralId + "/decline", officer, Map.of("reason", "TOO_FAR"));
    assertThat(declined.status()).isEqualTo(200);
    assertThat(declined.text("status")).isEqualTo("OPEN");
    assertThat(declined.json().has("offer")).isFalse();
    JsonNode decline = declined.json().path("declines").get(0);
    assertThat(decline.path("unitId").asString()).isEqualTo(unitId);
    assertThat(decline.path("reason").asString()).isEqualTo("TOO_FAR");
    assertThat(unitStatus(unitId)).isEqualTo("AVAILABLE");
    assertThat(unitDocument(unitId).get("referralId")).isNull();

    // The unit can be offered to someone else at once, and this referral can be offered another.
    offeredReferral(unitId);
    String another = unit("central", 40);
    assertThat(api.post("/api/referrals/" + referralId + "/offers", officer, Map.of("unitId", another)).status())
        .isEqualTo(200);
  }

  @Test
  void declineAfterAcceptanceReturnsTheUnitToo() {
    String unitId = unit();
    String referralId = acceptedReferral(unitId);
    Response declined = api.post("/api/referrals/" + referralId + "/decline", officer, Map.of("reason", "UNSAFE_AREA"));
    assertThat(declined.text("status")).isEqualTo("OPEN");
    assertThat(unitStatus(unitId)).isEqualTo("AVAILABLE");
  }

  @Test
  void unansweredOffersExpireAndTheirUnitsComeBackButAcceptedOnesStay() {
    String expiringUnit = unit();
    String expiring = offeredReferral(expiringUnit);
    String acceptedUnit = unit("central", 25);
    String accepted = acceptedReferral(acceptedUnit);

    Response before = api.get("/api/referrals/" + expiring, officer);
    assertThat(before.json().path("offer").path("expiresAt").asString()).isNotBlank();
    offerExpiry.expireDue();
    assertThat(api.get("/api/referrals/" + expiring, officer).text("status")).isEqualTo("OFFERED");

    clock.advance(Duration.ofHours(72).plusMinutes(1));
    assertThat(offerExpiry.expireDue()).isGreaterThanOrEqualTo(1);

    Response expired = api.get("/api/referrals/" + expiring, officer);
    assertThat(expired.text("status")).isEqualTo("OPEN");
    assertThat(expired.json().path("steps").get(2).path("cause").asString()).isEqualTo("OFFER_EXPIRED");
    assertThat(expired.json().path("steps").get(1).path("secondsInStep").asLong()).isGreaterThanOrEqualTo(72 * 3600);
    assertThat(unitStatus(expiringUnit)).isEqualTo("AVAILABLE");

    assertThat(api.get("/api/referrals/" + accepted, officer).text("status")).isEqualTo("ACCEPTED");
    assertThat(unitStatus(acceptedUnit)).isEqualTo("RESERVED");

    // Running the sweep again changes nothing.
    offerExpiry.expireDue();
    assertThat(api.get("/api/referrals/" + expiring, officer).text("status")).isEqualTo("OPEN");

    // Her agency's housing officers are told, once; nobody else.
    assertThat(expiredOfferNotices(officer, expiring)).isEqualTo(1);
    assertThat(expiredOfferNotices(TestTokens.housingOfficer("colleague-" + shortId(), agency), expiring))
        .as("a colleague of the same agency").isEqualTo(1);
    assertThat(expiredOfferNotices(officer, accepted)).isZero();
    assertThat(expiredOfferNotices(TestTokens.housingOfficer("officer-" + shortId(), "agency-other"), expiring))
        .isZero();
    assertThat(expiredOfferNotices(TestTokens.police("police-" + shortId()), expiring)).isZero();
  }

  private long expiredOfferNotices(String token, String referralId) {
    Response page = api.get("/api/notifications", token);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().path("items").valueStream()
        .filter(n -> n.path("record").path("id").asString().equals(referralId))
        .filter(n -> n.path("kind").asString().equals("HOUSING_OFFER_EXPIRED"))
        .count();
  }

  @Test
  void anOfferPastItsExpiryCannotBeAcceptedEvenBeforeTheSweep() {
    String referralId = offeredReferral(unit());
    clock.advance(Duration.ofHours(73));
    assertProblem(api.post("/api/referrals/" + referralId + "/accept", officer, null), 409);
  }

  @Test
  void referralsWithoutProgressAreFlaggedStalled() {
    String stalling = openReferral();
    assertThat(api.get("/api/referrals/" + stalling, officer).json().path("stalled").asBoolean()).isFalse();
    assertThat(ids(api.get("/api/referrals?stalled=true", officer))).doesNotContain(stalling);

    clock.advance(Duration.ofDays(8));
    String fresh = openReferral();

    assertThat(api.get("/api/referrals/" + stalling, officer).json().path("stalled").asBoolean()).isTrue();
    Response stalled = api.get("/api/referrals?stalled=true", officer);
    assertThat(ids(stalled)).contains(stalling).doesNotContain(fresh);
    assertThat(ids(api.get("/api/referrals?stalled=false", officer))).contains(fresh).doesNotContain(stalling);
    assertThat(ids(api.get("/api/referrals?status=OPEN", officer))).contains(stalling, fresh);
  }

  @Test
  void listShowsHighPriorityFirst() {
    String normal = openReferral();
    Response high = api.post("/api/referrals", officer, Map.of("placementId", checkedIn(), "priority", "HIGH"));
    assertThat(high.status()).isEqualTo(201);
    assertThat(ids(api.get("/api/referrals", officer))).containsExactly(high.text("id"), normal);
  }

  private static java.util.List<String> ids(Response list) {
    assertThat(list.status()).isEqualTo(200);
    return list.json().valueStream().map(r -> r.path("id").asString()).toList();
  }
}
