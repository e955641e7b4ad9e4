package org.safebed.occupancy.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A confidential shelter. Its address and exact location exist here only as sealed values (opaque
 * ciphertext bound to this shelter's id); {@code area} is the location rounded to
 * {@link #AREA_STEP_DEGREES}, the same coarseness that events may carry, so matching can discard far
 * shelters without opening any sealed value. {@code bedCount} is how many bed slots it has (beds
 * {@code 1..bedCount}, retired ones included); the beds themselves are separate documents.
 *
 * @param capacityConfirmedAt when its manager last confirmed the bed statuses; null: never
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
    int bedCount,
    Instant capacityConfirmedAt) {

  /** Roughly 5 km: coarse enough to say nothing about which street. */
  public static final double AREA_STEP_DEGREES = 0.05;
  /** Bed slots a shelter may have in all (the bed listing answers at most this many). */
  public static final int MAX_BED_SLOTS = 500;

  public Shelter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(codeName, "codeName");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(eligibility, "eligibility");
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(sealedLocation, "sealedLocation");
    Objects.requireNonNull(sealedAddress, "sealedAddress");
    if (bedCount < 1 || bedCount > MAX_BED_SLOTS) {
      throw new InvalidValueException("a shelter has between 1 and 500 bed slots");
    }
  }

  public Shelter(String id, String codeName, String region, ShelterStatus status, Eligibility eligibility,
      GeoPoint area, String sealedLocation, String sealedAddress, int bedCount) {
    this(id, codeName, region, status, eligibility, area, sealedLocation, sealedAddress, bedCount, null);
  }

  /**
   * The shortest distance from a point to anywhere this shelter may lie, knowing only its area: the
   * exact location is within half a step of the area point in latitude and longitude. Rules that
   * compare a caller's geometry with the shelter use this (or the area itself), never the exact
   * location, so no answer can depend on more than the area.
   */
  public double nearestPossibleKmFrom(GeoPoint point) {
    double half = AREA_STEP_DEGREES / 2;
    double lat = Math.clamp(point.lat(), area.lat() - half, area.lat() + half);
    double lon = Math.clamp(point.lon(), area.lon() - half, area.lon() + half);
    return point.distanceKmTo(new GeoPoint(Math.clamp(lat, -90, 90), Math.clamp(lon, -180, 180)));
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
    return new Shelter(id, codeName, region, newStatus, eligibility, area, sealedLocation, sealedAddress, bedCount,
        capacityConfirmedAt);
  }

  public Shelter withCapacityConfirmedAt(Instant at) {
    return new Shelter(id, codeName, region, status, eligibility, area, sealedLocation, sealedAddress, bedCount, at);
  }

  /** Room for {@code more} bed slots, or the rule it breaks. */
  public Shelter withMoreBeds(int more) {
    if (more < 1 || bedCount + more > MAX_BED_SLOTS) {
      throw new IllegalTransitionException("a shelter has at most 500 bed slots");
    }
    if (isCompromised()) {
      throw new IllegalTransitionException("a compromised shelter takes no new beds");
    }
    return new Shelter(id, codeName, region, status, eligibility, area, sealedLocation, sealedAddress,
        bedCount + more, capacityConfirmedAt);
  }

  /** Availability nobody confirmed for longer than {@code staleAfter} may be wrong: it ranks last. */
  public boolean isCapacityStale(Instant now, Duration staleAfter) {
    return capacityConfirmedAt == null || capacityConfirmedAt.plus(staleAfter).isBefore(now);
  }

  public List<String> bedIds() {
    return IntStream.rangeClosed(1, bedCount).mapToObj(n -> Bed.idFor(id, n)).toList();
  }
}
