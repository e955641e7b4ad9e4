package org.safebed.occupancy.domain;

/** Told after every stored change of a placement (live status, slot release). Must not throw. */
public interface PlacementObserver {

  void stored(Placement placement);

  PlacementObserver NONE = placement -> { };
}
