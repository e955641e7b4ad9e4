package org.safebed.referral.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.safebed.referral.web.model.CountValue;
import org.safebed.referral.web.model.DayPercentiles;
import org.safebed.referral.web.model.OffersPerReferral;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers leave out null fields (an OPEN referral has no offer), but a suppressed figure says so
 * with an explicit {@code null} next to {@code "suppressed": true}, as the contract shows it.
 */
@Configuration(proxyBeanMethods = false)
class SuppressedFiguresShowNull {

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private abstract static class NullsIncluded {}

  @Bean
  JsonMapperBuilderCustomizer explicitNullsInSuppressedFigures() {
    return builder -> builder
        .addMixIn(CountValue.class, NullsIncluded.class)
        .addMixIn(DayPercentiles.class, NullsIncluded.class)
        .addMixIn(OffersPerReferral.class, NullsIncluded.class);
  }
}
