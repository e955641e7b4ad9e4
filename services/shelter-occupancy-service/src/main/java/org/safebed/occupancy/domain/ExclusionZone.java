package org.safebed.occupancy.domain;

/** A circle the person must be kept out of: her home area, where her exploiters operate. */
public record ExclusionZone(GeoPoint centre, double radiusKm) {

  public ExclusionZone {
    if (centre == null) {
      throw new InvalidValueException("an exclusion zone needs a centre");
    }
    if (!(radiusKm > 0 && radiusKm <= 500)) {
      throw new InvalidValueException("an exclusion zone radius must be within (0, 500] km");
    }
  }

  /** The boundary counts as inside: a shelter exactly on it is too close. */
  public boolean contains(GeoPoint point) {
    return centre.distanceKmTo(point) <= radiusKm;
  }
}
