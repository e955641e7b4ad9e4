package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.referral.application.Reconciliation;
import org.springframework.beans.factory.annotation.Autowired;

/** A crash between two writes, simulated by undoing the second one, is repaired by the reconciler. */
class ReconciliationIT extends ServiceIT {

  @Autowired Reconciliation reconciliation;

  private void setUnit(String unitId, org.bson.conversions.Bson update) {
    mongo.getCollection("rental_units").updateOne(new Document("_id", unitId), update);
  }

  @Test
  void aUnitReservedForAReferralThatDoesNotHoldItIsReleasedAfterTheGracePeriod() {
    String unitId = unit();
    // As if the process died after reserving the unit and before storing the referral.
    setUnit(unitId, Updates.combine(
        Updates.set("status", "RESERVED"), Updates.set("referralId", "ref-lost"), Updates.set("reservedAt", Date.from(clock.instant()))));
    reconciliation.reconcile();
    assertThat(unitStatus(unitId)).as("within the grace period").isEqualTo("RESERVED");

    clock.advance(Duration.ofMinutes(3));
    reconciliation.reconcile();
    assertThat(unitStatus(unitId)).isEqualTo("AVAILABLE");
  }

  @Test
  void aUnitStillReservedAfterMoveInIsLetAndAHeldUnitIsLeftAlone() {
    String letUnit = unit();
    String movedIn = acceptedReferral(letUnit);
    api.post("/api/referrals/" + movedIn + "/move-in", officer, Map.of("moveInDate", today(2)));
    // As if the process died after the move-in write and before letting the unit.
    setUnit(letUnit, Updates.set("status", "RESERVED"));
    String heldUnit = unit("central", 30);
    offeredReferral(heldUnit);

    clock.advance(Duration.ofMinutes(3));
    reconciliation.reconcile();
    assertThat(unitStatus(letUnit)).isEqualTo("LET");
    assertThat(unitStatus(heldUnit)).isEqualTo("RESERVED");
  }

  @Test
  void aReferralStillActiveForACheckedOutResidentIsClosed() {
    String unitId = unit();
    String referralId = offeredReferral(unitId);
    String placementId = api.get("/api/referrals/" + referralId, officer).text("placementId");
    // As if the check-out was handled between the creation's check and its insert.
    mongo.getCollection("residents").updateOne(new Document("_id", placementId), Updates.set("status", "CHECKED_OUT"));

    clock.advance(Duration.ofMinutes(3));
    reconciliation.reconcile();
    assertThat(api.get("/api/referrals/" + referralId, officer).text("status")).isEqualTo("CLOSED");
    assertThat(unitStatus(unitId)).isEqualTo("AVAILABLE");
  }
}
