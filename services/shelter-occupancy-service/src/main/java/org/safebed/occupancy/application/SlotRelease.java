package org.safebed.occupancy.application;

import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementObserver;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.RequestSlots;
import org.springframework.stereotype.Component;

/**
 * Gives a requester's slot back once the placement no longer counts against the cap (she arrived,
 * it was cancelled, expired or relocated). After the placement write, so a crash in between leaves
 * a slot too many, which the reconciler frees; never one too few.
 */
@Component
public class SlotRelease implements PlacementObserver {

  private final RequestSlots slots;

  public SlotRelease(RequestSlots slots) {
    this.slots = slots;
  }

  static boolean countsAgainstCap(PlacementStatus status) {
    return status == PlacementStatus.PENDING || status == PlacementStatus.HELD || status == PlacementStatus.WAITLISTED;
  }

  @Override
  public void stored(Placement placement) {
    if (!countsAgainstCap(placement.status()) && placement.relocatedFrom() == null) {
      slots.release(placement.requestedBy(), placement.id());
    }
  }
}
