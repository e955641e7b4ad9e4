package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.BedStatus;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Repairs what a crash between two writes can leave behind, without transactions. Runs at start-up
 * and periodically; touches only changes older than {@code repairAfter}, so it never races a
 * request in flight. The placement is the source of truth, and the bed is brought in line:
 *
 * <ul>
 *   <li>a placement still PENDING: matching is finished (it resumes a bed already held for it);
 *   <li>a bed HELD for a placement that is HELD on it: fine; CHECKED_IN on it: the bed is occupied;
 *   <li>a bed HELD or OCCUPIED for a placement that is waiting (waitlisted): the hold is completed;
 *   <li>a bed HELD or OCCUPIED for any other placement, or none: the bed is freed;
 *   <li>a shelter with fewer beds than registered (crash while registering): beds are added.
 * </ul>
 */
@Component
public class Reconciliation {

  private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
  private static final int BATCH = 1000;

  private final PlacementRepository placements;
  private final BedRepository beds;
  private final ShelterRepository shelters;
  private final BedMatching matching;
  private final Waitlist waitlist;
  private final OccupancyProperties properties;
  private final Clock clock;

  public Reconciliation(
      PlacementRepository placements,
      BedRepository beds,
      ShelterRepository shelters,
      BedMatching matching,
      Waitlist waitlist,
      OccupancyProperties properties,
      Clock clock) {
    this.placements = placements;
    this.beds = beds;
    this.shelters = shelters;
    this.matching = matching;
    this.waitlist = waitlist;
    this.properties = properties;
    this.clock = clock;
  }

  /** @return how many records were repaired */
  public synchronized int run() {
    Instant cutoff = clock.instant().minus(properties.repairAfter());
    int repaired = 0;
    for (Placement pending : placements.findPendingCreatedBefore(cutoff, BATCH)) {
      log.info("Reconciler finishes the matching of placement {}", pending.id());
      matching.match(pending);
      repaired++;
    }
    for (Bed bed : beds.findAssignedSince(cutoff, BATCH)) {
      repaired += alignBed(bed) ? 1 : 0;
    }
    for (Shelter shelter : shelters.findAll()) {
      beds.ensureBeds(shelter.id(), shelter.bedCount(), clock.instant());
    }
    return repaired;
  }

  private boolean alignBed(Bed bed) {
    Optional<Placement> holder = placements.findById(bed.placementId());
    boolean onThisBed = holder.map(p -> p.hold() != null && bed.id().equals(p.hold().bedId())).orElse(false);
    PlacementStatus status = holder.map(Placement::status).orElse(null);
    if (onThisBed && status == PlacementStatus.HELD) {
      return false;
    }
    if (onThisBed && status == PlacementStatus.CHECKED_IN) {
      if (bed.status() == BedStatus.HELD) {
        log.info("Reconciler occupies bed {} of checked-in placement {}", bed.id(), bed.placementId());
        return beds.occupy(bed.id(), bed.placementId(), clock.instant());
      }
      return false;
    }
    if (holder.isPresent() && holder.get().isAwaitingBed()) {
      log.info("Reconciler completes the hold of bed {} for placement {}", bed.id(), bed.placementId());
      matching.match(holder.get());
      return true;
    }
    log.info("Reconciler frees bed {} (placement {} is {})", bed.id(), bed.placementId(), status);
    if (beds.release(bed.id(), bed.placementId(), clock.instant())) {
      waitlist.bedFreed();
      return true;
    }
    return false;
  }
}
