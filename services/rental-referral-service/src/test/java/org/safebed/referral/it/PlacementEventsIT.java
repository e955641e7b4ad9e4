package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** The occupancy service's placement events, published to the namespaced exchange as it would. */
class PlacementEventsIT extends ServiceIT {

  @Test
  void checkInMakesTheResidentReferrableAndDuplicatesChangeNothing() {
    String placementId = "placement-" + shortId();
    String eventId = UUID.randomUUID().toString();
    Map<String, Object> data = Map.of("placementId", placementId, "shelterId", "shelter-2", "region", "north");
    events.publishWithId(eventId, CHECKED_IN, placementId, data);
    events.publishWithId(eventId, CHECKED_IN, placementId, data);
    await(() -> "CHECKED_IN".equals(residentStatus(placementId)), "check-in applied");
    Document resident = mongo.getCollection("residents").find(new Document("_id", placementId)).first();
    assertThat(resident.getString("region")).isEqualTo("north");
    assertThat(resident).doesNotContainKey("shelterId");
    assertThat(refer(placementId, null).status()).isEqualTo(201);
    assertThat(mongo.getCollection("residents").countDocuments(new Document("_id", placementId))).isEqualTo(1);
  }

  @Test
  void checkOutClosesTheActiveReferralAndReturnsItsUnit() {
    String unitId = unit();
    Response created = refer(checkedIn(), unitId);
    String referralId = created.text("id");
    String placementId = created.text("placementId");
    api.post("/api/referrals/" + referralId + "/accept", officer, null);
    assertThat(unitStatus(unitId)).isEqualTo("RESERVED");

    events.publish(CHECKED_OUT, placementId, Map.of("placementId", placementId, "reason", "TRANSFERRED"));
    await(() -> "CLOSED".equals(api.get("/api/referrals/" + referralId, officer).text("status")), "referral closed");

    Response closed = api.get("/api/referrals/" + referralId, officer);
    assertThat(closed.text("closedReason")).isEqualTo("RESIDENT_CHECKED_OUT");
    assertThat(closed.json().has("offer")).isFalse();
    assertThat(unitStatus(unitId)).isEqualTo("AVAILABLE");
    assertProblem(api.post("/api/referrals/" + referralId + "/move-in", officer, Map.of("moveInDate", today(2))), 409);

    // A second delivery of the check-out changes nothing (the inbox is ordered: the marker's
    // check-in is applied after it).
    events.publish(CHECKED_OUT, placementId, Map.of("placementId", placementId, "reason", "TRANSFERRED"));
    checkedIn();
    Response again = api.get("/api/referrals/" + referralId, officer);
    assertThat(again.text("status")).isEqualTo("CLOSED");
    assertThat(again.json().path("steps").size()).isEqualTo(closed.json().path("steps").size());
    assertThat(unitStatus(unitId)).isEqualTo("AVAILABLE");
  }

  @Test
  void aCheckOutOvertakingItsCheckInIsNotUndone() {
    String placementId = "placement-" + shortId();
    events.publish(CHECKED_OUT, placementId, Map.of("placementId", placementId, "reason", "LEFT"));
    await(() -> "CHECKED_OUT".equals(residentStatus(placementId)), "check-out applied");
    events.publish(CHECKED_IN, placementId, Map.of("placementId", placementId, "shelterId", "s", "region", "central"));

    // A later event on the same inbox proves the check-in was processed before we look.
    String marker = checkedIn();
    assertThat(residentStatus(marker)).isEqualTo("CHECKED_IN");
    assertThat(residentStatus(placementId)).isEqualTo("CHECKED_OUT");
    assertProblem(refer(placementId, null), 409);
  }

  @Test
  void theCheckedOutMovedInResidentKeepsHerTenancy() {
    String unitId = unit();
    String referralId = acceptedReferral(unitId);
    api.post("/api/referrals/" + referralId + "/move-in", officer, Map.of("moveInDate", today(1)));
    String placementId = api.get("/api/referrals/" + referralId, officer).text("placementId");

    // The occupancy service checks her out because of our tenancy-started event.
    events.publish(CHECKED_OUT, placementId, Map.of("placementId", placementId, "reason", "MOVED_TO_RENTAL"));
    await(() -> "CHECKED_OUT".equals(residentStatus(placementId)), "check-out applied");
    assertThat(api.get("/api/referrals/" + referralId, officer).text("status")).isEqualTo("MOVED_IN");
    assertThat(unitStatus(unitId)).isEqualTo("LET");
  }

  @Test
  void freeTextReasonsAreNotKept() {
    String placementId = checkedIn();
    events.publish(CHECKED_OUT, placementId, Map.of("placementId", placementId, "reason", "went to her aunt's in Lyon"));
    await(() -> "CHECKED_OUT".equals(residentStatus(placementId)), "check-out applied");
    Document resident = mongo.getCollection("residents").find(new Document("_id", placementId)).first();
    assertThat(resident.getString("checkoutReason")).isEqualTo("OTHER");
  }
}
