package org.safebed.referral.domain;

/** A point on Earth in decimal degrees (WGS 84). */
public record GeoPoint(double lat, double lon) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("coordinates out of range");
    }
  }

  /** Great-circle (haversine) distance; plenty for "is this unit inside a zone of a few km". */
  public double distanceKm(GeoPoint other) {
    double dLat = Math.toRadians(other.lat - lat);
    double dLon = Math.toRadians(other.lon - lon);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** Roughly 5 km: the coarse area of a home, the finest that any answer may depend on. */
  public static final double AREA_STEP_DEGREES = 0.05;

  /**
   * The farthest a point can lie from its area point: half the diagonal of a 0.05° square at the
   * equator (~3.9 km), rounded up.
   */
  public static final double AREA_HALF_DIAGONAL_KM = 4.0;

  /** This point's coarse area: the point of the 0.05° grid nearest to it. */
  public GeoPoint area() {
    return new GeoPoint(snap(lat), snap(lon));
  }

  private static double snap(double value) {
    // BigDecimal so that 975 * 0.05 is 48.75 and not 48.750000000000007.
    return java.math.BigDecimal.valueOf(Math.round(value / AREA_STEP_DEGREES))
        .multiply(java.math.BigDecimal.valueOf(AREA_STEP_DEGREES)).doubleValue();
  }

  @Override
  public String toString() {
    return "GeoPoint[redacted]"; // exact coordinates locate a home: never in a log line
  }
}
