package org.safebed.occupancy.application;

import java.time.Clock;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.Placement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives back the bed of a placement that no longer needs it (cancelled, expired, checked out,
 * relocated), and offers it to the waitlist. Runs after the placement was stored: a crash in
 * between leaves a bed whose placement no longer wants it, which the reconciler frees.
 */
@Component
public class BedRelease {

  private static final Logger log = LoggerFactory.getLogger(BedRelease.class);

  private final BedRepository beds;
  private final Waitlist waitlist;
  private final Clock clock;

  public BedRelease(BedRepository beds, Waitlist waitlist, Clock clock) {
    this.beds = beds;
    this.waitlist = waitlist;
    this.clock = clock;
  }

  public void releaseBedOf(Placement placement) {
    if (placement.hold() == null || placement.status().hasBed()) {
      return;
    }
    if (beds.release(placement.hold().bedId(), placement.id(), clock.instant())) {
      log.info("Bed {} released by placement {}", placement.hold().bedId(), placement.id());
      waitlist.bedFreed(placement.hold().shelterId());
    }
  }
}
