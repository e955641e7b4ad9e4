package org.safebed.occupancy.application;

import java.time.Clock;
import org.safebed.occupancy.application.PlacementChanges.Applied;
import org.safebed.occupancy.domain.CheckOutReason;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.platform.messaging.inbox.RetryLaterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A resident moved into rental housing: she is checked out and her bed freed. */
@Component
public class TenancyMoves {

  private static final Logger log = LoggerFactory.getLogger(TenancyMoves.class);

  private final PlacementChanges changes;
  private final BedRelease release;
  private final Clock clock;

  public TenancyMoves(PlacementChanges changes, BedRelease release, Clock clock) {
    this.changes = changes;
    this.release = release;
    this.clock = clock;
  }

  public void tenancyStarted(String placementId) {
    Applied applied = changes.apply(placementId, placement -> switch (placement.status()) {
      case CHECKED_IN, CHECKED_OUT, RESIDENT_MISSING -> placement.checkOut(CheckOutReason.MOVED_TO_RENTAL, clock.instant());
      // Not checked in yet: the manager's check-in is still to come.
      case PENDING, WAITLISTED, HELD -> throw new RetryLaterException("tenancy before check-in");
      case CANCELLED, HOLD_EXPIRED, RELOCATED, NO_SHOW -> Placement.Change.none(placement);
    }).orElseThrow(() -> new RetryLaterException("no placement " + placementId));
    if (applied.after().status() == PlacementStatus.CHECKED_OUT) {
      release.releaseBedOf(applied.after());
    } else {
      log.warn("Tenancy started for placement {} which is {}; nothing to check out",
          placementId, applied.after().status());
    }
  }
}
