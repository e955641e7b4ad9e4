package org.safebed.transport.domain;

/** Minutes of travel and where that figure came from. */
public record TravelTime(int minutes, EtaSource source) {

  /** Assumed average speed of the straight-line fallback, door to door. */
  static final double FALLBACK_KMH = 50;
  /** Added to every straight-line estimate: getting going, parking, the hand-over. */
  static final int FALLBACK_OVERHEAD_MINUTES = 5;

  public TravelTime {
    if (minutes < 0) {
      throw new IllegalArgumentException("minutes must not be negative");
    }
    if (source == null) {
      throw new IllegalArgumentException("source is required");
    }
  }

  /** The estimate used when the routing provider cannot answer: haversine km at 50 km/h plus 5 min. */
  public static TravelTime straightLine(GeoPoint from, GeoPoint to) {
    double minutes = from.kilometresTo(to) / FALLBACK_KMH * 60 + FALLBACK_OVERHEAD_MINUTES;
    return new TravelTime((int) Math.ceil(minutes), EtaSource.STRAIGHT_LINE);
  }

  /** A routed duration in seconds, rounded up to whole minutes. */
  public static TravelTime routed(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("duration must be a finite, non-negative number");
    }
    return new TravelTime((int) Math.ceil(seconds / 60), EtaSource.ROUTING);
  }

  /** Two legs one after the other; routed only if both legs were. */
  public TravelTime then(TravelTime next) {
    EtaSource combined =
        source == EtaSource.ROUTING && next.source == EtaSource.ROUTING ? EtaSource.ROUTING : EtaSource.STRAIGHT_LINE;
    return new TravelTime(minutes + next.minutes, combined);
  }
}
