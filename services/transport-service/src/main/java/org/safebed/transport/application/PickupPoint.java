package org.safebed.transport.application;

/**
 * The exact point police found her, held only for the duration of the request that shows it to the
 * driver. {@link #toString()} never prints it, so it cannot reach a log line by accident.
 */
public record PickupPoint(double lat, double lon) implements DisclosedPickup {

  public PickupPoint {
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("not a point on earth");
    }
  }

  @Override
  public String toString() {
    return "PickupPoint[redacted]";
  }
}
