package org.safebed.transport.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.safebed.transport.client.InternalDestinations;
import org.safebed.transport.client.OwnerDestinations;
import org.safebed.transport.client.OsrmTravelTimes;
import org.safebed.transport.client.ServiceTokens;
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

  @Bean
  ServiceTokens serviceTokens(
      ServiceCredentialsProperties credentials, Clock clock, CircuitBreakerRegistry breakers) {
    return new ServiceTokens(credentials, clock, breakers);
  }

  @Bean
  InternalDestinations destinations(
      AddressOwnersProperties owners, ServiceTokens tokens, CircuitBreakerRegistry breakers) {
    return new InternalDestinations(
        new OwnerDestinations(
            "occupancy-destination", "/internal/placements/{placementId}/destination", owners.occupancy(), tokens, breakers),
        new OwnerDestinations(
            "referral-destination", "/internal/referrals/{referralId}/destination", owners.referral(), tokens, breakers),
        new OwnerDestinations(
            "occupancy-move-origin", "/internal/placements/{placementId}/move-origin", owners.occupancy(), tokens, breakers),
        new OwnerDestinations(
            "occupancy-pickup-point", "/internal/placements/{placementId}/pickup-point", owners.occupancy(), tokens, breakers));
  }
}
