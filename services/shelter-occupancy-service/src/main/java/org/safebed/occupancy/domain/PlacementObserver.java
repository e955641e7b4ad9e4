package org.safebed.occupancy.domain;

/** Told after every stored change of a placement (live status, slot release). Must not throw. */
public interface PlacementObserver {

  void stored(Placement placement);

  /** Told with the events the change caused (none for most); by default as {@link #stored(Placement)}. */
  default void stored(Placement placement, java.util.List<PlacementEvent> events) {
    stored(placement);
  }

  PlacementObserver NONE = placement -> { };
}
