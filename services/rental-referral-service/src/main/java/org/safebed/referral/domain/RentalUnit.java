package org.safebed.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A rental unit of a housing agency, as matching and the API see it. Its exact location and its
 * address are sealed at rest and are not part of this view; the code name is its id.
 *
 * @param referralId the referral it is reserved for or let to, null while available
 */
public record RentalUnit(
    String id,
    String agencyId,
    String region,
    int bedrooms,
    int monthlyRent,
    boolean accessible,
    LocalDate availableFrom,
    Set<Suitability> suitableFor,
    UnitStatus status,
    String referralId,
    Instant reservedAt) {

  public RentalUnit {
    suitableFor = suitableFor.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(suitableFor));
  }

  public boolean isAvailable() {
    return status == UnitStatus.AVAILABLE;
  }

  public boolean belongsTo(String agency) {
    return agencyId.equals(agency);
  }
}
