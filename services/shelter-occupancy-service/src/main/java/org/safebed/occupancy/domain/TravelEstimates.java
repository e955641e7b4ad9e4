package org.safebed.occupancy.domain;

import java.util.List;
import java.util.Optional;

/**
 * The one travel-time estimate SafeBed has (the transport service's: by road where its routing
 * provider answers), asked for the few best candidates that matching found by straight line, which
 * it then ranks again. Only coarse areas are given: where she is as bed-held tells transport, and
 * the shelters' areas, never an exact location.
 */
public interface TravelEstimates {

  /**
   * @return one estimate per shelter area, in the order given; empty when none can be had now (the
   *     caller keeps its own straight-line estimates)
   */
  Optional<List<TravelEstimate>> from(GeoPoint pickupArea, List<GeoPoint> shelterAreas);

  /**
   * How many of the best candidates by straight line are worth asking about now. Each is located
   * first (its sealed location opened), so 1 when no answer can be expected.
   */
  int shortlistSize();
}
