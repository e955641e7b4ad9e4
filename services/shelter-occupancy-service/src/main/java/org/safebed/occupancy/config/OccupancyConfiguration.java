package org.safebed.occupancy.config;

import java.util.Base64;
import org.safebed.occupancy.application.CaseTokens;
import org.safebed.occupancy.application.RequestFingerprints;
import org.safebed.occupancy.domain.MatchingPolicy;
import org.safebed.occupancy.domain.StraightLineTravelTime;
import org.safebed.occupancy.domain.TravelTimeEstimator;
import org.safebed.platform.web.sealing.SealingProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(OccupancyProperties.class)
public class OccupancyConfiguration {

  /** Straight-line for now; a routing-based estimator (from the transport service) plugs in here. */
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
  RequestFingerprints requestFingerprints(SealingProperties sealing) {
    return RequestFingerprints.derivedFrom(masterKey(sealing));
  }

  @Bean
  CaseTokens caseTokens(SealingProperties sealing) {
    return CaseTokens.derivedFrom(masterKey(sealing));
  }

  private static byte[] masterKey(SealingProperties sealing) {
    if (sealing.key() == null || sealing.key().isBlank()) {
      // Fail at start-up, not at the first request: addresses cannot be stored without the key.
      throw new IllegalStateException("safebed.sealing.key (SAFEBED_SEALING_KEY, base64 of 32 bytes) must be set");
    }
    return Base64.getDecoder().decode(sealing.key());
  }
}
