package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
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

    Http.Response response = http.get("/api/statistics", coordinator());

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

  private static JsonNode region(JsonNode stats, String region) {
    return stats.get("occupancyByRegion").valueStream()
        .filter(row -> region.equals(row.get("region").asString())).findFirst().orElseThrow();
  }
}
