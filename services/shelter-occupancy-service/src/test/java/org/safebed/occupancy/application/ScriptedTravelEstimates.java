package org.safebed.occupancy.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.TravelEstimate;
import org.safebed.occupancy.domain.TravelEstimates;

/** Travel estimates answered by a script (by shelter area); remembers every call. */
final class ScriptedTravelEstimates implements TravelEstimates {

  private final int shortlistSize;
  private final Function<GeoPoint, Optional<TravelEstimate>> byArea;
  /** The shelter areas of each call, one list per call. */
  final List<List<GeoPoint>> calls = new ArrayList<>();

  private ScriptedTravelEstimates(int shortlistSize, Function<GeoPoint, Optional<TravelEstimate>> byArea) {
    this.shortlistSize = shortlistSize;
    this.byArea = byArea;
  }

  /** Transport answers for every area the script knows; an area it does not know fails the whole call. */
  static ScriptedTravelEstimates answering(int shortlistSize, Function<GeoPoint, Optional<TravelEstimate>> byArea) {
    return new ScriptedTravelEstimates(shortlistSize, byArea);
  }

  /** Transport slow, down or refusing: never an answer. */
  static ScriptedTravelEstimates failing(int shortlistSize) {
    return new ScriptedTravelEstimates(shortlistSize, area -> Optional.empty());
  }

  @Override
  public Optional<List<TravelEstimate>> from(GeoPoint pickupArea, List<GeoPoint> shelterAreas) {
    calls.add(List.copyOf(shelterAreas));
    List<TravelEstimate> answer = new ArrayList<>();
    for (GeoPoint area : shelterAreas) {
      Optional<TravelEstimate> estimate = byArea.apply(area);
      if (estimate.isEmpty()) {
        return Optional.empty();
      }
      answer.add(estimate.get());
    }
    return Optional.of(answer);
  }

  @Override
  public int shortlistSize() {
    return shortlistSize;
  }
}
