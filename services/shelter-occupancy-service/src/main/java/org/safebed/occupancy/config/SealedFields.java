package org.safebed.occupancy.config;

import org.safebed.occupancy.application.PlacementRequests;
import org.safebed.occupancy.application.ShelterSecrets;
import org.safebed.occupancy.persistence.MongoPlacements;
import org.safebed.occupancy.persistence.MongoShelters;
import org.safebed.occupancy.persistence.PlacementDocuments;
import org.safebed.occupancy.persistence.RequestDocuments;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.platform.web.sealing.SealedCopies;
import org.safebed.platform.web.sealing.SealedField;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every sealed value this service stores. A key rotation ({@code /actuator/sealing}) re-seals only
 * what is declared here: a value left out would stop opening once the previous key is dropped.
 *
 * <p>The copies of a shelter in the coarse-area index ({@code shelter_cells}) sit under a path named
 * after the shelter, which a {@link SealedField} cannot name: they are {@link SealedCopies}, rebuilt
 * from the re-sealed shelters at the end of each rotation run.
 */
@Configuration(proxyBeanMethods = false)
class SealedFields {

  @Bean
  SealedField shelterAddress() {
    return new SealedField(MongoShelters.COLLECTION, MongoShelters.SEALED_ADDRESS, ShelterSecrets.ADDRESS);
  }

  @Bean
  SealedField shelterLocation() {
    return new SealedField(MongoShelters.COLLECTION, MongoShelters.SEALED_LOCATION, ShelterSecrets.LOCATION);
  }

  @Bean
  SealedField placementCaseRef() {
    return new SealedField(MongoPlacements.COLLECTION, PlacementDocuments.SEALED_CASE_REF,
        PlacementRequests.CASE_REF_LABEL);
  }

  @Bean
  SealedField placementPickUpLocation() {
    return new SealedField(MongoPlacements.COLLECTION, RequestDocuments.SEALED_LOCATION,
        RequestDocuments.LOCATION_LABEL);
  }

  @Bean
  SealedField placementExclusionZones() {
    return new SealedField(MongoPlacements.COLLECTION, RequestDocuments.SEALED_EXCLUSION_ZONES,
        RequestDocuments.EXCLUSION_ZONES_LABEL);
  }

  @Bean
  SealedCopies shelterIndexCopies(ShelterRepository shelters) {
    return shelters::reindex;
  }
}
