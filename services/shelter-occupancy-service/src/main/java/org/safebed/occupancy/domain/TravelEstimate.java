package org.safebed.occupancy.domain;

import java.time.Duration;

/**
 * A travel time to a shelter and where it comes from. The source goes into the match reasons, so
 * coordinators can tell a road estimate from a crude one.
 */
public record TravelEstimate(Duration time, Source source) {

  public enum Source {
    /** The transport service's routing provider: travel time by road. */
    ROUTING,
    /** The transport service's answer, from its straight-line fallback (its routing provider did not answer). */
    TRANSPORT_STRAIGHT_LINE,
    /** This service's straight-line estimate, the only one asked for. */
    STRAIGHT_LINE,
    /** This service's straight-line estimate because the transport service could not be asked, was slow or refused. */
    STRAIGHT_LINE_FALLBACK
  }

  public TravelEstimate {
    if (time == null || time.isNegative() || source == null) {
      throw new InvalidValueException("a travel estimate needs a time of at least zero and its source");
    }
  }
}
