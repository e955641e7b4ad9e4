package org.safebed.occupancy.domain;

import java.util.Objects;

/**
 * A confidential shelter. Its address and exact location exist here only as sealed values (opaque
 * ciphertext bound to this shelter's id); {@code area} is the location rounded to
 * {@link #AREA_STEP_DEGREES}, the same coarseness that events may carry, so matching can discard far
 * shelters without opening any sealed value. {@code bedCount} is how many beds it was registered
 * with; the beds themselves are separate documents.
 */
public record Shelter(
    String id,
    String codeName,
    String region,
    ShelterStatus status,
    Eligibility eligibility,
    GeoPoint area,
    String sealedLocation,
    String sealedAddress,
    int bedCount) {

  /** Roughly 5 km: coarse enough to say nothing about which street. */
  public static final double AREA_STEP_DEGREES = 0.05;

  public Shelter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(codeName, "codeName");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(eligibility, "eligibility");
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(sealedLocation, "sealedLocation");
    Objects.requireNonNull(sealedAddress, "sealedAddress");
    if (bedCount < 1 || bedCount > 200) {
      throw new InvalidValueException("a shelter has between 1 and 200 beds");
    }
  }

  public boolean acceptsPlacements() {
    return status == ShelterStatus.OPEN;
  }

  /** Its address is known to someone it must not be: nobody is sent there any more. */
  public boolean isCompromised() {
    return status == ShelterStatus.COMPROMISED;
  }

  public Shelter withStatus(ShelterStatus newStatus) {
    if (status == ShelterStatus.COMPROMISED && newStatus != ShelterStatus.COMPROMISED) {
      throw new IllegalTransitionException("a compromised shelter cannot reopen");
    }
    return new Shelter(id, codeName, region, newStatus, eligibility, area, sealedLocation, sealedAddress, bedCount);
  }
}
