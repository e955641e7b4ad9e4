package org.safebed.occupancy.domain;

import java.math.BigDecimal;

/** A point on Earth in WGS84 degrees. Geo maths stays in Java: the database needs no geo operators. */
public record GeoPoint(double lat, double lon) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new InvalidValueException("coordinates must be within lat [-90, 90] and lon [-180, 180]");
    }
  }

  /** Great-circle (haversine) distance. */
  public double distanceKmTo(GeoPoint other) {
    double dLat = Math.toRadians(other.lat - lat);
    double dLon = Math.toRadians(other.lon - lon);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /**
   * This point snapped to a grid of {@code stepDegrees}: the only form in which a location may
   * leave the service (events carry areas, never exact points).
   */
  public GeoPoint roundedTo(double stepDegrees) {
    return new GeoPoint(snap(lat, stepDegrees), snap(lon, stepDegrees));
  }

  private static double snap(double value, double step) {
    // BigDecimal so that 975 * 0.05 is 48.75 and not 48.750000000000007.
    return BigDecimal.valueOf(Math.round(value / step)).multiply(BigDecimal.valueOf(step)).doubleValue();
  }
}
