package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;

/**
 * Request-and-cancel churn is treated as probing: after the configured number of fresh
 * cancellations (10) the account's requests are refused until the window ends, coordinators get one
 * alert, and both are audited. Cancellations by someone else do not count against the requester.
 */
class RequestChurnIT extends OccupancyIT {

  private static final int LIMIT = 10;

  @Test
  void anAccountThatKeepsRequestingAndCancellingIsStoppedAndCoordinatorsAreAlerted() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.02, 0), 2);
    String police = unique("police");
    String token = TestTokens.police(police);
    List<String> cancelled = new ArrayList<>();
    for (int i = 0; i < LIMIT; i++) {
      ServiceHttp.Response asked = requestFor(police, area);
      assertThat(asked.status()).as(asked.body()).isIn(201, 202);
      assertThat(http.post("/api/placements/" + id(asked) + "/cancel", token, null).status()).isEqualTo(200);
      cancelled.add(id(asked));
    }

    ServiceHttp.Response refused = requestFor(police, area);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
        assertThat(Integer.parseInt(seconds)).isBetween(1, 3600));
    assertThat(mongo.getCollection("placements").countDocuments(new Document("requestedBy", police)))
        .as("nothing written for the refused request").isEqualTo(LIMIT);
    List<Document> churnAlerts = mongo.getCollection("alerts")
        .find(new Document("type", "REQUEST_CHURN").append("placementId", new Document("$in", cancelled)))
        .into(new ArrayList<>());
    assertThat(churnAlerts).hasSize(1);
    assertThat(http.get("/api/alerts", coordinator()).body()).contains(churnAlerts.getFirst().getString("_id"));
    assertThat(http.get("/api/alerts", token).body()).doesNotContain("REQUEST_CHURN");
    assertThat(mongo.getCollection("audit_log").countDocuments(
        new Document("actor", police).append("action", "PLACEMENT_REQUEST_REFUSED"))).isEqualTo(1);
    assertThat(mongo.getCollection("audit_log").countDocuments(
        new Document("actor", police).append("action", "REQUEST_CHURN_DETECTED"))).isEqualTo(1);

    // Another officer is not affected.
    ServiceHttp.Response other = requestFor(unique("police"), area);
    assertThat(other.status()).as(other.body()).isIn(201, 202);
    http.post("/api/placements/" + id(other) + "/cancel", coordinator(), null);
  }

  @Test
  void cancellationsBySomeoneElseDoNotCountAgainstTheRequester() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.02, 0), 2);
    String police = unique("police");
    for (int i = 0; i < LIMIT + 2; i++) {
      ServiceHttp.Response asked = requestFor(police, area);
      assertThat(asked.status()).as(asked.body()).isIn(201, 202);
      assertThat(http.post("/api/placements/" + id(asked) + "/cancel", coordinator(), null).status()).isEqualTo(200);
    }
  }
}
