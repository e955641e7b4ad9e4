package org.safebed.occupancy.config;

import org.safebed.occupancy.application.CaseTokens;
import org.safebed.occupancy.application.RequestFingerprints;
import org.safebed.occupancy.domain.MatchingPolicy;
import org.safebed.occupancy.domain.StraightLineTravelTime;
import org.safebed.occupancy.domain.TravelTimeEstimator;
import org.safebed.platform.web.sealing.SealingProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({OccupancyProperties.class, ChurnProperties.class})
public class OccupancyConfiguration {

  /**
   * Straight line: it drives the search and its early stop, which need a true lower bound. Road
   * times from the transport service re-rank the shortlist afterwards (TravelEstimatesConfiguration).
   */
  @Bean
  TravelTimeEstimator travelTimeEstimator() {
    return StraightLineTravelTime.DEFAULT;
  }

  @Bean
  MatchingPolicy matchingPolicy(OccupancyProperties properties, TravelTimeEstimator travelTime) {
    return new MatchingPolicy(properties.maxDistanceKm(), travelTime, properties.capacityStaleAfter(),
        properties.rankingBand());
  }

  @Bean
  RequestFingerprints requestFingerprints(
      @Value("${safebed.occupancy.pseudonym-key:}") String pseudonymKey, SealingProperties sealing) {
    return RequestFingerprints.derivedFrom(PseudonymKey.resolve(pseudonymKey, sealing));
  }

  @Bean
  CaseTokens caseTokens(
      @Value("${safebed.occupancy.pseudonym-key:}") String pseudonymKey, SealingProperties sealing) {
    return CaseTokens.derivedFrom(PseudonymKey.resolve(pseudonymKey, sealing));
  }
}
