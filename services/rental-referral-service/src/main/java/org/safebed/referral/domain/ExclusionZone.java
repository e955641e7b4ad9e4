package org.safebed.referral.domain;

/**
 * An area the resident must not live in (her home area, where her exploiters operate), carried over
 * from her emergency placement.
 */
public record ExclusionZone(GeoPoint center, double radiusKm) {

  public ExclusionZone {
    if (center == null || !(radiusKm > 0)) {
      throw new IllegalArgumentException("an exclusion zone needs a center and a positive radius");
    }
  }

  /** On the boundary counts as inside: the safe side of the rule. */
  public boolean contains(GeoPoint point) {
    return marginKm(point) <= 0;
  }

  /** How far the point lies outside the zone's edge (negative inside). */
  public double marginKm(GeoPoint point) {
    return center.distanceKm(point) - radiusKm;
  }

  @Override
  public String toString() {
    return "ExclusionZone[redacted]";
  }
}
