package org.safebed.referral.config;

import org.safebed.platform.web.sealing.SealedField;
import org.safebed.referral.persistence.CollectionNames;
import org.safebed.referral.persistence.SealedSafety;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every sealed value this service stores. A key rotation ({@code /actuator/sealing}) re-seals only
 * what is declared here: a value left out would stop opening once the previous key is dropped.
 */
@Configuration(proxyBeanMethods = false)
class SealedFields {

  @Bean
  SealedField unitAddress() {
    return sealed(CollectionNames.RENTAL_UNITS, SealedSafety.ADDRESS);
  }

  @Bean
  SealedField unitLocation() {
    return sealed(CollectionNames.RENTAL_UNITS, SealedSafety.LOCATION);
  }

  @Bean
  SealedField referralExclusionZones() {
    return sealed(CollectionNames.REFERRALS, SealedSafety.EXCLUSION_ZONES);
  }

  @Bean
  SealedField referralKeepApartRefs() {
    return sealed(CollectionNames.REFERRALS, SealedSafety.KEEP_APART_REFS);
  }

  @Bean
  SealedField referralCaseToken() {
    return sealed(CollectionNames.REFERRALS, SealedSafety.CASE_TOKEN);
  }

  /** Stored under the very name it is sealed with (see {@link SealedSafety}). */
  private static SealedField sealed(String collection, String field) {
    return new SealedField(collection, field, field);
  }
}
