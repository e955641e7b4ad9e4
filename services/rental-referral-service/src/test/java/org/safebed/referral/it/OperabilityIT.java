package org.safebed.referral.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.BreakerMetrics;
import org.safebed.platform.testing.HealthProbes;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

/** What the people on call and the orchestrator read: health probes and metrics. */
class OperabilityIT extends ServiceIT {

  @Autowired HealthEndpointGroups healthGroups;

  @Test
  void readinessWaitsForMongoAndTheBrokerLivenessForNeither() {
    HealthProbes.assertReadinessWaitsForMongoAndTheBrokerLivenessForNeither(healthGroups);
  }

  @Test
  void probesAreOpenAndSayOnlyUpOrDown() {
    HealthProbes.assertOpenAndSayingOnlyUp(api);
  }

  @Test
  void coordinatorsScrapeTheBacklogsDisclosuresAndDenialsOthersAreRefused() {
    ServiceHttp.Response scrape = new ServiceHttp(port).get("/actuator/prometheus", TestTokens.coordinator("c"));
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("safebed_outbox_oldest_pending_age_seconds ").contains("safebed_dead_letters ")
        .contains("safebed_disclosures_total{kind=\"address\",outcome=\"granted\"}")
        .contains("safebed_access_denials_total{rule=\"role\"}");
    assertThat(new ServiceHttp(port).get("/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(new ServiceHttp(port).get("/actuator/prometheus", TestTokens.driver("d")).status()).isEqualTo(403);
  }

  @Test
  void theOccupancyBreakersStateIsScrapedByItsName() {
    String scrape = new ServiceHttp(port).get("/actuator/prometheus", TestTokens.coordinator("c")).body();
    assertThat(BreakerMetrics.inOneState(scrape, "occupancy-safety-constraints")).as("%s", BreakerMetrics.states(scrape, "occupancy-safety-constraints"))
        .isTrue();
  }
}
