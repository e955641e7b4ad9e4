package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Instant;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends holds that ran out, and gives up the kept beds of residents missing for too long
 * (scheduled; no TTL index: the sweep records the event and frees the bed, which a TTL could not).
 * Each is re-checked on the fresh state, so a hold just extended by a transport assignment, or a
 * resident who just came back, is left alone.
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

  /** @return how many holds expired and missing residents' beds were given up */
  public synchronized int sweep() {
    int ended = 0;
    Instant now = clock.instant();
    for (Placement candidate : placements.findHeldExpiredAt(now, BATCH)) {
      var applied = changes.apply(candidate.id(), placement -> placement.holdHasExpired(now)
          ? placement.expireHold(now)
          : Placement.Change.none(placement));
      if (applied.isPresent() && applied.get().changed()) {
        log.info("Hold of placement {} expired", candidate.id());
        release.releaseBedOf(applied.get().after());
        ended++;
      }
    }
    for (Placement candidate : placements.findMissingBedRunOut(now, BATCH)) {
      var applied = changes.apply(candidate.id(), placement -> placement.giveUpMissingBed(now));
      if (applied.isPresent() && applied.get().changed()) {
        log.info("Placement {}: resident still missing, her bed is given up", candidate.id());
        release.releaseBedOf(applied.get().after());
        ended++;
      }
    }
    return ended;
  }
}
