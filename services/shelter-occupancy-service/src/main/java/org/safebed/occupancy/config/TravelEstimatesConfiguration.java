package org.safebed.occupancy.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.safebed.occupancy.client.RememberedTravelEstimates;
import org.safebed.occupancy.client.TransportTravelEstimates;
import org.safebed.occupancy.domain.TravelEstimates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Travel estimates for ranking the shortlist: the transport service's, asked as this service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TravelEstimatesProperties.class, ServiceCredentialsProperties.class})
class TravelEstimatesConfiguration {

  @Bean
  TransportTravelEstimates transportTravelEstimates(
      TravelEstimatesProperties settings, ServiceCredentialsProperties credentials, CircuitBreakerRegistry breakers) {
    return new TransportTravelEstimates(settings, credentials, breakers);
  }

  /** What matching asks: transport's answers, remembered between two areas for a while. */
  @Bean
  @Primary
  TravelEstimates travelEstimates(TransportTravelEstimates transport, TravelEstimatesProperties settings, Clock clock) {
    return new RememberedTravelEstimates(transport, settings.remembered(), clock);
  }
}
