package org.safebed.transport.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.safebed.platform.web.client.OutboundGuard;
import org.safebed.platform.web.client.OutboundHttp;
import org.safebed.platform.web.client.ServiceAccessToken;
import org.safebed.transport.client.InternalDestinations;
import org.safebed.transport.client.OwnerDestinations;
import org.safebed.transport.client.OsrmTravelTimes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Outbound dependencies (each behind its own Resilience4j guard) and the sweeps' scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClientConfiguration {

  @Bean
  OsrmTravelTimes travelTimes(RoutingProperties routing, CircuitBreakerRegistry breakers) {
    return new OsrmTravelTimes(routing, breakers);
  }

  /**
   * Transport's own token for the address owners. Token requests are time-limited and behind their
   * own breaker but not retried (a POST); the next disclosure request simply asks again.
   */
  @Bean
  ServiceAccessToken serviceAccessToken(ServiceCredentialsProperties credentials, CircuitBreakerRegistry breakers) {
    OutboundGuard.Settings settings = credentials.resilience().withoutRetry();
    return new ServiceAccessToken(
        credentials.tokenUri(), credentials.clientId(), credentials.clientSecret(), credentials.scope(),
        OutboundHttp.timeLimited(settings.timeout()),
        new OutboundGuard("service-token", breakers, settings, e -> false));
  }

  @Bean
  InternalDestinations destinations(
      AddressOwnersProperties owners, ServiceAccessToken token, CircuitBreakerRegistry breakers) {
    return new InternalDestinations(
        new OwnerDestinations(
            "occupancy-destination", "/internal/placements/{placementId}/destination", owners.occupancy(), token, breakers),
        new OwnerDestinations(
            "referral-destination", "/internal/referrals/{referralId}/destination", owners.referral(), token, breakers),
        new OwnerDestinations(
            "occupancy-move-origin", "/internal/placements/{placementId}/move-origin", owners.occupancy(), token, breakers),
        new OwnerDestinations(
            "occupancy-pickup-point", "/internal/placements/{placementId}/pickup-point", owners.occupancy(), token, breakers));
  }
}
