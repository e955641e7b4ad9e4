package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.BedGauges;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.BreakerMetrics;
import org.safebed.platform.testing.HealthProbes;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

/** What the people on call and the orchestrator read: health probes and metrics. */
class OperabilityIT extends OccupancyIT {

  @Autowired HealthEndpointGroups healthGroups;
  @Autowired BedGauges bedGauges;

  @Test
  void readinessWaitsForMongoAndTheBrokerLivenessForNeither() {
    HealthProbes.assertReadinessWaitsForMongoAndTheBrokerLivenessForNeither(healthGroups);
  }

  @Test
  void probesAreOpenAndSayOnlyUpOrDown() {
    HealthProbes.assertOpenAndSayingOnlyUp(http);
  }

  @Test
  void coordinatorsScrapeAPlacementsTimesAndTheBacklogsWithoutAnyId() throws Exception {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(area, 2);
    String placement = id(requestFor(unique("police"), offset(area, 0.01, 0.01)));
    transportAssigned(placement);
    awaitDriverKnown(placement);
    assertThat(checkIn(placement, shelter).status()).isBetween(200, 204);
    assertThat(http.get("/api/escalations", TestTokens.police("p")).status()).isEqualTo(403);

    ServiceHttp.Response scrape = http.get("/actuator/prometheus", coordinator());

    assertThat(scrape.status()).isEqualTo(200);
    String metrics = scrape.body();
    for (String stage : new String[] {"held", "transport_assigned", "checked_in"}) {
      assertThat(count(metrics, "safebed_placement_time_to_bed_seconds_count", "stage=\"" + stage + "\""))
          .as(stage).isPositive();
    }
    assertThat(metrics).contains("safebed_placement_time_to_bed_seconds_bucket{")
        .contains("safebed_waitlist_length ").contains("safebed_waitlist_oldest_wait_seconds ")
        .contains("safebed_outbox_oldest_pending_age_seconds ").contains("safebed_dead_letters ")
        .contains("safebed_disclosures_total{kind=\"address\",outcome=\"denied\"}")
        .contains("safebed_audit_chain_intact 1.0");
    assertThat(count(metrics, "safebed_access_denials_total", "rule=\"role\"")).isPositive();
    // Labels from fixed lists only: no placement, shelter or person in any series.
    assertThat(metrics).doesNotContain(placement).doesNotContain(shelter).doesNotContain(ADDRESS_MARK);
  }

  @Test
  void bedsByRegionAndStateAreScrapedWithSmallCellsSuppressed() {
    String region = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    shelterInRegion(region, newArea(), eligibility(12, 17, "FEMALE"), 9);
    String small = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    shelterInRegion(small, newArea(), eligibility(12, 17, "FEMALE"), 2);
    bedGauges.refresh();

    String metrics = http.get("/actuator/prometheus", coordinator()).body();

    assertThat(metrics).contains("safebed_beds{region=\"" + region + "\",state=\"in_service\"} 9.0")
        // Nobody there: held and occupied (0 + 0) are too few to publish, and available would give
        // them away (9 - 9), so it goes too; a region of two beds shows nothing at all.
        .contains("safebed_beds{region=\"" + region + "\",state=\"held\"} NaN")
        .contains("safebed_beds{region=\"" + region + "\",state=\"available\"} NaN")
        .contains("safebed_beds{region=\"" + small + "\",state=\"in_service\"} NaN");
  }

  @Test
  void theTravelEstimatesBreakersStateIsScrapedByItsName() {
    String scrape = http.get("/actuator/prometheus", coordinator()).body();
    assertThat(BreakerMetrics.inOneState(scrape, "travel-estimates")).as("%s", BreakerMetrics.states(scrape, "travel-estimates"))
        .isTrue();
  }

  @Test
  void metricsAreForCoordinatorsOnly() {
    ServiceHttp.Response anonymous = http.get("/actuator/prometheus", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.isProblem()).isTrue();
    for (String token : new String[] {TestTokens.police("p"), TestTokens.shelterManager("m", "shelter-x"),
        TestTokens.driver("d"), TestTokens.service("transport-service")}) {
      assertThat(http.get("/actuator/prometheus", token).status()).isEqualTo(403);
    }
  }

  private void transportAssigned(String placementId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", "job-" + placementId);
    data.put("placementId", placementId);
    data.put("driverId", "driver-ops");
    data.put("etaMinutes", 20);
    data.put("etaSource", "STRAIGHT_LINE");
    broker.publish("transport.assigned.v1", "job-" + placementId, data, Instant.now());
  }

  private void awaitDriverKnown(String placementId) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Object transport = placementDocument(placementId).get("transport");
      if (transport instanceof org.bson.Document t && t.get("driverId") != null) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("transport.assigned.v1 not applied");
  }

  /** The value of the series {@code name{...label...}}; 0 when there is none. */
  private static double count(String metrics, String name, String label) {
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
    double total = 0;
    while (line.find()) {
      if (line.group(1).contains(label)) {
        total += Double.parseDouble(line.group(2));
      }
    }
    return total;
  }
}
