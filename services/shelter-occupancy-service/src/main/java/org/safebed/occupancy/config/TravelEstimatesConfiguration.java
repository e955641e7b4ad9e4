package org.safebed.occupancy.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.safebed.occupancy.client.TransportTravelEstimates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Travel estimates for ranking the shortlist: the transport service's, asked as this service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TravelEstimatesProperties.class, ServiceCredentialsProperties.class})
class TravelEstimatesConfiguration {

  @Bean
  TransportTravelEstimates travelEstimates(
      TravelEstimatesProperties settings, ServiceCredentialsProperties credentials, CircuitBreakerRegistry breakers) {
    return new TransportTravelEstimates(settings, credentials, breakers);
  }
}
