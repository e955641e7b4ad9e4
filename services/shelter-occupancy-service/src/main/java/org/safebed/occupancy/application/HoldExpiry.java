package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Instant;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends holds that ran out (scheduled; no TTL index: the sweep records the event and frees the bed,
 * which a TTL could not). A hold extended by a transport assignment is re-checked on the fresh
 * state, so a just-extended hold is never expired.
 */
@Component
public class HoldExpiry {

  private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);
  private static final int BATCH = 200;

  private final PlacementRepository placements;
  private final PlacementChanges changes;
  private final BedRelease release;
  private final Clock clock;

  public HoldExpiry(PlacementRepository placements, PlacementChanges changes, BedRelease release, Clock clock) {
    this.placements = placements;
    this.changes = changes;
    this.release = release;
    this.clock = clock;
  }

  /** @return how many holds expired */
  public synchronized int sweep() {
    int expired = 0;
    Instant now = clock.instant();
    for (Placement candidate : placements.findHeldExpiredAt(now, BATCH)) {
      var applied = changes.apply(candidate.id(), placement -> placement.holdHasExpired(now)
          ? placement.expireHold(now)
          : Placement.Change.none(placement));
      if (applied.isPresent() && applied.get().changed()) {
        log.info("Hold of placement {} expired", candidate.id());
        release.releaseBedOf(applied.get().after());
        expired++;
      }
    }
    return expired;
  }
}
