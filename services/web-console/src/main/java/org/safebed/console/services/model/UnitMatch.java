package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/** A unit the service proposes for a referral, best first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitMatch(
    int rank, String unitId, String region, int bedrooms, int monthlyRent, boolean accessible,
    LocalDate availableFrom, List<String> suitableFor, boolean inPreferredRegion) {

  public UnitMatch {
    suitableFor = suitableFor == null ? List.of() : List.copyOf(suitableFor);
  }
}
