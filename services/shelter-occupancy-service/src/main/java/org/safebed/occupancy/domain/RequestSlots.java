package org.safebed.occupancy.domain;

import java.time.Instant;
import java.util.List;

/**
 * The hard cap on what one requester may have open at once (pending, held or waitlisted
 * placements). A slot is claimed by one conditional update of the requester's own record before
 * the placement exists, so simultaneous first requests cannot both slip under the cap.
 */
public interface RequestSlots {

  /** A claimed slot: which placement, since when. */
  record Slot(String requester, String placementId, Instant claimedAt) {}

  /**
   * Claims a slot for the placement; claiming again for the same placement is no second slot.
   *
   * @return false when the requester already has {@code cap} slots for other placements
   */
  boolean claim(String requester, String placementId, int cap, Instant now);

  void release(String requester, String placementId);

  /** Slots claimed before {@code before}: the reconciler frees those whose placement is closed or was never stored. */
  List<Slot> claimedBefore(Instant before, int limit);
}
