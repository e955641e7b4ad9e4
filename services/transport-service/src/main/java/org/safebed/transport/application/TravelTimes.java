package org.safebed.transport.application;

import org.safebed.transport.domain.GeoPoint;
import org.safebed.transport.domain.TravelTime;

/** Travel time between two points. Always answers: a straight-line estimate when routing cannot. */
public interface TravelTimes {

  TravelTime between(GeoPoint from, GeoPoint to);
}
