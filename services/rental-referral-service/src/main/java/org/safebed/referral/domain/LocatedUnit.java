package org.safebed.referral.domain;

/** A unit together with its (unsealed) exact location, for the safety rules only. */
public record LocatedUnit(RentalUnit unit, GeoPoint location) {

  @Override
  public String toString() {
    return "LocatedUnit[" + unit.id() + "]";
  }
}
