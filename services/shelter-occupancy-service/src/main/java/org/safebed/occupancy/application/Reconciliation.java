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
import org.safebed.occupancy.domain.RequestSlots;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.occupancy.domain.ShelterStatus;
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
 *   <li>a bed HELD for a placement that is HELD on it: fine; CHECKED_IN (or missing) on it: the bed
 *       is occupied;
 *   <li>a bed HELD or OCCUPIED for a placement that is waiting (waitlisted): the hold is completed;
 *   <li>a bed HELD or OCCUPIED for any other placement, or none: the bed is freed;
 *   <li>a requester's slot whose placement closed or was never stored: the slot is freed;
 *   <li>a shelter with fewer beds than bed slots (crash while registering or adding): beds are added;
 *   <li>the coarse-area index is brought in line with the shelters;
 *   <li>a compromised shelter that still has residents: they are relocated.
 * </ul>
 */
@Component
public class Reconciliation {

  private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
  private static final int BATCH = 1000;

  private final PlacementRepository placements;
  private final BedRepository beds;
  private final ShelterRepository shelters;
  private final RequestSlots slots;
  private final BedMatching matching;
  private final Waitlist waitlist;
  private final Relocations relocations;
  private final OccupancyProperties properties;
  private final Clock clock;

  public Reconciliation(
      PlacementRepository placements,
      BedRepository beds,
      ShelterRepository shelters,
      RequestSlots slots,
      BedMatching matching,
      Waitlist waitlist,
      Relocations relocations,
      OccupancyProperties properties,
      Clock clock) {
    this.placements = placements;
    this.beds = beds;
    this.shelters = shelters;
    this.slots = slots;
    this.matching = matching;
    this.waitlist = waitlist;
    this.relocations = relocations;
    this.properties = properties;
    this.clock = clock;
  }

  /** @return how many records were repaired */
  public synchronized int run() {
    Instant cutoff = clock.instant().minus(properties.repairAfter());
    int repaired = 0;
    for (Shelter shelter : shelters.findMissingBeds()) {
      beds.ensureBeds(shelter.id(), shelter.bedCount(), clock.instant());
      shelters.bedsCreated(shelter.id(), shelter.bedCount());
      repaired++;
    }
    repaired += shelters.reindex();
    for (Placement pending : placements.findPendingCreatedBefore(cutoff, BATCH)) {
      log.info("Reconciler finishes the matching of placement {}", pending.id());
      matching.match(pending);
      repaired++;
    }
    for (Bed bed : beds.findAssignedSince(cutoff, BATCH)) {
      repaired += alignBed(bed) ? 1 : 0;
    }
    for (RequestSlots.Slot slot : slots.claimedBefore(cutoff, BATCH)) {
      Optional<Placement> placement = placements.findById(slot.placementId());
      if (placement.isEmpty() || !SlotRelease.countsAgainstCap(placement.get().status())) {
        slots.release(slot.requester(), slot.placementId());
        repaired++;
      }
    }
    for (Shelter compromised : shelters.findByStatus(ShelterStatus.COMPROMISED)) {
      repaired += relocations.relocateResidentsOf(compromised.id());
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
    if (onThisBed && (status == PlacementStatus.CHECKED_IN || status == PlacementStatus.RESIDENT_MISSING)) {
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
      waitlist.bedFreed(bed.shelterId());
      return true;
    }
    return false;
  }
}
