package org.safebed.referral.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.safebed.referral.client.OccupancySafetyConstraints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one outbound call of this service: safety constraints from shelter occupancy. */
@Configuration(proxyBeanMethods = false)
class OccupancyClientConfiguration {

  @Bean
  OccupancySafetyConstraints placementSafety(
      OccupancyClientProperties settings, ServiceCredentialsProperties credentials, CircuitBreakerRegistry breakers) {
    return new OccupancySafetyConstraints(settings, credentials, breakers);
  }
}
