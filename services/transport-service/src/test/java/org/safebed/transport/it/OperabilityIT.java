package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.BreakerMetrics;
import org.safebed.platform.testing.HealthProbes;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

/** What the people on call and the orchestrator read: health probes and metrics. */
class OperabilityIT extends TransportScenario {

  @Autowired HealthEndpointGroups healthGroups;

  @Test
  void readinessWaitsForMongoAndTheBrokerLivenessForNeither() {
    HealthProbes.assertReadinessWaitsForMongoAndTheBrokerLivenessForNeither(healthGroups);
  }

  @Test
  void probesAreOpenAndSayOnlyUpOrDown() {
    HealthProbes.assertOpenAndSayingOnlyUp(http);
  }

  @Test
  void coordinatorsScrapeTheBacklogsDisclosuresAndDenialsOthersAreRefused() {
    ServiceHttp.Response scrape = http.get("/actuator/prometheus", coordinator);
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("safebed_outbox_oldest_pending_age_seconds ").contains("safebed_dead_letters ")
        .contains("safebed_disclosures_total{kind=\"address\",outcome=\"granted\"}")
        .contains("safebed_access_denials_total{rule=\"role\"}")
        .contains("safebed_transport_offers_expired_total ")
        .contains("safebed_transport_failures_total{reason=\"no_driver\"}")
        .contains("safebed_transport_failures_total{reason=\"no_driver_in_reach\"}");
    assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(http.get("/actuator/prometheus", TestTokens.driver("d")).status()).isEqualTo(403);
  }

  @Test
  void everyOutboundBreakersStateIsScrapedByItsName() {
    String scrape = http.get("/actuator/prometheus", coordinator).body();
    for (String breaker : new String[] {"routing", "service-token", "occupancy-destination", "referral-destination",
        "occupancy-move-origin", "occupancy-pickup-point"}) {
      assertThat(BreakerMetrics.inOneState(scrape, breaker))
          .as("%s: %s", breaker, BreakerMetrics.states(scrape, breaker)).isTrue();
    }
  }
}
