package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Aggregates for coordinators, with every small count suppressed, and with it enough other counts of
 * its region that it cannot be worked out by subtraction.
 */
class StatisticsIT extends OccupancyIT {

  @Test
  void coordinatorsSeeAggregatesWithSmallCountsSuppressed() {
    GeoPoint area = newArea();
    String big = unique("stats-big");
    String small = unique("stats-small");
    String bigShelter = shelterInRegion(big, offset(area, 0.05, 0), eligibility(12, 17, "FEMALE"), 12);
    shelterInRegion(small, offset(area, 0.5, 0.5), eligibility(18, 21, "MALE"), 3);
    for (int i = 0; i < 6; i++) {
      String placement = id(requestFor(unique("police"), area));
      if (i < 5) {
        checkIn(placement, bigShelter);
      }
    }

    ServiceHttp.Response response = http.get("/api/statistics", coordinator());

    assertThat(response.status()).isEqualTo(200);
    JsonNode stats = response.json();
    assertThat(stats.get("minimumCount").asInt()).isEqualTo(5);
    JsonNode bigRow = region(stats, big);
    assertThat(bigRow.get("inServiceBeds").get("value").asInt()).isEqualTo(12);
    assertThat(bigRow.get("available").get("value").asInt()).isEqualTo(6);
    assertThat(bigRow.get("held").get("suppressed").asBoolean()).as("1 is below 5").isTrue();
    assertThat(bigRow.get("held").has("value")).as("shown as an explicit null").isTrue();
    assertThat(bigRow.get("held").get("value").isNull()).isTrue();
    // Shown, the 5 occupied beds would give the held one away: 12 - 5 - 6 = 1.
    assertThat(bigRow.get("occupied").get("suppressed").asBoolean()).as("suppressed with the held bed").isTrue();
    assertThat(bigRow.get("occupied").get("value").isNull()).isTrue();
    JsonNode smallRow = region(stats, small);
    assertThat(smallRow.get("inServiceBeds").get("suppressed").asBoolean()).isTrue();
    assertThat(smallRow.get("inServiceBeds").get("value").isNull()).isTrue();
    for (String figure : new String[] {"requestToHold", "holdToCheckIn"}) {
      JsonNode percentiles = stats.get(figure);
      assertThat(percentiles.get("suppressed").asBoolean()).as(figure).isFalse();
      assertThat(percentiles.get("p50Minutes").isNumber()).isTrue();
      assertThat(percentiles.get("p90Minutes").asDouble()).isGreaterThanOrEqualTo(percentiles.get("p50Minutes").asDouble());
    }
    for (String count : new String[] {"waitlistLength", "unmetDemand"}) {
      JsonNode value = stats.get(count);
      assertThat(value.get("value").isNull()).as(count).isEqualTo(value.get("suppressed").asBoolean());
    }
    assertThat(response.body()).doesNotContain(ADDRESS_MARK).doesNotContain("shelter-");
    assertThat(http.get("/api/statistics", TestTokens.police("p")).status()).isEqualTo(403);
    assertThat(http.get("/api/statistics", manager(bigShelter)).status()).isEqualTo(403);
  }

  /**
   * Five placements held three days ago, each assigned a driver 10 to 50 minutes after its hold
   * (one re-assigned later): in the week's figures, not the day's; held to assigned counts to the
   * first driver.
   */
  @Test
  void theDayAndTheWeekAreWindowsEndingNowWithHoldToFirstDriverAssigned() {
    Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
    ServiceHttp.Response dayBefore = http.get("/api/statistics?window=DAY", coordinator());
    List<String> placements = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      GeoPoint area = newArea();
      minorGirlsShelter(offset(area, 0.1, 0), 2);
      placements.add(id(requestFor(unique("police"), area)));
    }
    for (int i = 0; i < placements.size(); i++) {
      String placement = placements.get(i);
      // As if requested three days ago: moved back before any driver is assigned.
      Document stored = placementDocument(placement);
      Instant held = threeDaysAgo.plus(Duration.ofMinutes(2));
      mongo.getCollection("placements").updateOne(new Document("_id", placement), new Document("$set",
          new Document("createdAt", Date.from(threeDaysAgo)).append("firstHeldAt", Date.from(held))));
      assertThat(stored.getDate("firstHeldAt")).isNotNull();
      assigned(placement, "driver-" + i, held.plus(Duration.ofMinutes(10L * (i + 1))));
    }
    String reassigned = placements.getFirst();
    Instant firstDriver = threeDaysAgo.plus(Duration.ofMinutes(12));
    await().untilAsserted(() -> assertThat(placements).allSatisfy(p ->
        assertThat(placementDocument(p).getDate("firstAssignedAt")).isNotNull()));
    assigned(reassigned, "driver-late", firstDriver.plus(Duration.ofHours(1)));
    await().untilAsserted(() -> assertThat(placementDocument(reassigned).get("transport", Document.class)
        .getString("driverId")).isEqualTo("driver-late"));
    assertThat(placementDocument(reassigned).getDate("firstAssignedAt").toInstant()).as("the first driver's")
        .isEqualTo(firstDriver);

    ServiceHttp.Response day = http.get("/api/statistics?window=DAY", coordinator());
    ServiceHttp.Response week = http.get("/api/statistics?window=WEEK", coordinator());
    ServiceHttp.Response configured = http.get("/api/statistics", coordinator());

    assertThat(day.status()).isEqualTo(200);
    assertThat(day.json().get("window").asString()).isEqualTo("DAY");
    assertThat(Instant.parse(day.json().get("windowStart").asString()))
        .isBetween(Instant.now().minus(Duration.ofDays(1)).minusSeconds(60), Instant.now().minus(Duration.ofDays(1)));
    assertThat(week.json().get("window").asString()).isEqualTo("WEEK");
    assertThat(Instant.parse(week.json().get("windowStart").asString()))
        .isBetween(Instant.now().minus(Duration.ofDays(7)).minusSeconds(60), Instant.now().minus(Duration.ofDays(7)));
    assertThat(configured.json().has("window")).as("none asked, none said").isFalse();
    assertThat(Instant.parse(configured.json().get("windowStart").asString()))
        .as("the configured 30 days, as before").isBefore(Instant.now().minus(Duration.ofDays(29)));

    assertThat(samples(day, "holdToTransportAssigned")).as("three days ago is not in the last day")
        .isEqualTo(samples(dayBefore, "holdToTransportAssigned"));
    JsonNode weekAssigned = week.json().get("holdToTransportAssigned");
    assertThat(weekAssigned.get("suppressed").asBoolean()).isFalse();
    assertThat(weekAssigned.get("samples").get("value").asInt())
        .isGreaterThanOrEqualTo(5 + samples(day, "holdToTransportAssigned"));
    assertThat(weekAssigned.get("p90Minutes").asDouble()).isGreaterThanOrEqualTo(weekAssigned.get("p50Minutes").asDouble());
    assertThat(samples(week, "requestToHold")).isGreaterThanOrEqualTo(5 + samples(day, "requestToHold"));
    for (ServiceHttp.Response stats : List.of(day, week, configured)) {
      assertThat(stats.json().has("holdToTransportAssigned")).isTrue();
      assertThat(stats.json().has("requestToHold") && stats.json().has("holdToCheckIn")).as("kept").isTrue();
    }

    ServiceHttp.Response month = http.get("/api/statistics?window=MONTH", coordinator());
    assertThat(month.status()).isEqualTo(400);
    assertThat(month.isProblem()).isTrue();
    assertThat(http.get("/api/statistics?window=WEEK", TestTokens.police("p")).status()).isEqualTo(403);
  }

  /** The samples of a figure, a suppressed count as 0 (it is below the minimum). */
  private static int samples(ServiceHttp.Response stats, String figure) {
    JsonNode samples = stats.json().get(figure).get("samples");
    return samples.get("suppressed").asBoolean() ? 0 : samples.get("value").asInt();
  }

  private void assigned(String placement, String driver, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", "job-" + placement);
    data.put("placementId", placement);
    data.put("driverId", driver);
    data.put("etaMinutes", 20);
    data.put("etaSource", "STRAIGHT_LINE");
    broker.publish("transport.assigned.v1", "job-" + placement, data, at);
  }

  private static JsonNode region(JsonNode stats, String region) {
    return stats.get("occupancyByRegion").valueStream()
        .filter(row -> region.equals(row.get("region").asString())).findFirst().orElseThrow();
  }
}
