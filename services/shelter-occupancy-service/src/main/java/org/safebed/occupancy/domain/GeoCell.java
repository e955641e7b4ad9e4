package org.safebed.occupancy.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A cell of a coarse grid (0.5° × 0.5°) over the shelters' coarse areas: the unit of the matcher's
 * area pre-filter. A search looks up the cells around the person nearest first, so it reads the
 * few shelters that can matter instead of all of them.
 */
public record GeoCell(int latIndex, int lonIndex) {

  public static final double SIZE_DEGREES = 0.5;
  private static final double KM_PER_DEGREE_LAT = 111.2;

  public static GeoCell of(GeoPoint point) {
    return new GeoCell((int) Math.floor(point.lat() / SIZE_DEGREES), (int) Math.floor(point.lon() / SIZE_DEGREES));
  }

  public String key() {
    return latIndex + ":" + lonIndex;
  }

  /** The shortest distance from a point to any point of this cell (0 when it lies inside). */
  public double minDistanceKmFrom(GeoPoint point) {
    double south = latIndex * SIZE_DEGREES;
    double west = lonIndex * SIZE_DEGREES;
    double lat = Math.max(south, Math.min(south + SIZE_DEGREES, point.lat()));
    double lon = Math.max(west, Math.min(west + SIZE_DEGREES, point.lon()));
    return point.distanceKmTo(new GeoPoint(clampLat(lat), clampLon(lon)));
  }

  /** A cell and its shortest distance from the search centre. */
  public record Nearby(GeoCell cell, double km) {}

  /**
   * Every cell with a point within {@code radiusKm} of {@code centre}, nearest first. Cells across
   * the antimeridian are not wrapped (no SafeBed region lies there).
   */
  public static List<GeoCell> within(GeoPoint centre, double radiusKm) {
    return nearestFirst(centre, radiusKm).stream().map(Nearby::cell).toList();
  }

  /**
   * As {@link #within}, with each cell's distance. Each distance is computed once: a search of a
   * few hundred kilometres has hundreds of cells, and sorting by a recomputed great-circle distance
   * was a large share of a placement request's CPU.
   */
  public static List<Nearby> nearestFirst(GeoPoint centre, double radiusKm) {
    GeoCell home = of(centre);
    int latSpan = (int) Math.ceil(radiusKm / KM_PER_DEGREE_LAT / SIZE_DEGREES) + 1;
    double maxAbsLat = Math.min(89.0, Math.abs(centre.lat()) + radiusKm / KM_PER_DEGREE_LAT);
    double kmPerDegreeLon = Math.max(1.0, KM_PER_DEGREE_LAT * Math.cos(Math.toRadians(maxAbsLat)));
    int lonSpan = Math.min(360, (int) Math.ceil(radiusKm / kmPerDegreeLon / SIZE_DEGREES) + 1);
    List<Nearby> cells = new ArrayList<>();
    for (int dLat = -latSpan; dLat <= latSpan; dLat++) {
      int latIndex = home.latIndex + dLat;
      if (latIndex * SIZE_DEGREES < -90 || latIndex * SIZE_DEGREES >= 90) {
        continue;
      }
      for (int dLon = -lonSpan; dLon <= lonSpan; dLon++) {
        int lonIndex = home.lonIndex + dLon;
        if (lonIndex * SIZE_DEGREES < -180 || lonIndex * SIZE_DEGREES >= 180) {
          continue;
        }
        GeoCell cell = new GeoCell(latIndex, lonIndex);
        double km = cell.minDistanceKmFrom(centre);
        if (km <= radiusKm) {
          cells.add(new Nearby(cell, km));
        }
      }
    }
    cells.sort(Comparator.comparingDouble(Nearby::km));
    return cells;
  }

  private static double clampLat(double lat) {
    return Math.max(-90, Math.min(90, lat));
  }

  private static double clampLon(double lon) {
    return Math.max(-180, Math.min(180, lon));
  }
}
