package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.HoldExpiry;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;

class HoldExpiryIT extends OccupancyIT {

  @Autowired HoldExpiry holdExpiry;

  private void expireInDatabase(String placementId) {
    mongo.getCollection("placements").updateOne(new Document("_id", placementId),
        new Document("$set", new Document("hold.expiresAt", Date.from(Instant.now().minusSeconds(1)))));
  }

  @Test
  void theSweepEndsHoldsThatRanOutFreesTheBedAndServesTheWaitlist() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String police = unique("police");
    String expiring = id(requestFor(police, area));
    String waitingPolice = unique("police");
    String waiting = id(requestFor(waitingPolice, area));
    expireInDatabase(expiring);

    assertThat(holdExpiry.sweep()).isGreaterThanOrEqualTo(1);

    ServiceHttp.Response view = http.get("/api/placements/" + expiring, TestTokens.police(police));
    assertThat(view.json().get("status").asString()).isEqualTo("HOLD_EXPIRED");
    assertThat(view.json().has("holdExpiresAt")).isFalse();
    assertThat(broker.awaitEventFor("placement.hold-expired.v1", expiring).data().get("shelterId").asString())
        .isEqualTo(shelter);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(http.get("/api/placements/" + waiting, TestTokens.police(waitingPolice)).json()
            .get("status").asString()).isEqualTo("HELD"));
    assertThat(bedsOfShelter(shelter)).singleElement()
        .satisfies(bed -> assertThat(bed.getString("placementId")).isEqualTo(waiting));
  }

  @Test
  void holdsThatHaveNotRunOutAndCheckedInPlacementsAreLeftAlone() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String police = unique("police");
    String fresh = id(requestFor(police, area));
    String checkedIn = id(requestFor(police, area));
    http.post("/api/placements/" + checkedIn + "/check-in", TestTokens.shelterManager("m", shelter), null);
    expireInDatabase(checkedIn);

    holdExpiry.sweep();

    assertThat(placementDocument(fresh).getString("status")).isEqualTo("HELD");
    assertThat(placementDocument(checkedIn).getString("status")).isEqualTo("CHECKED_IN");
    assertThat(broker.eventsFor("placement.hold-expired.v1", fresh)).isEmpty();
  }

  @Test
  void aCheckInAfterExpiryIsAConflict() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 1);
    String placementId = id(requestFor(unique("police"), area));
    expireInDatabase(placementId);
    holdExpiry.sweep();

    ServiceHttp.Response late = http.post("/api/placements/" + placementId + "/check-in",
        TestTokens.shelterManager("m", shelter), null);

    assertThat(late.status()).isEqualTo(409);
    assertThat(late.isProblem()).isTrue();
  }
}
