package org.safebed.occupancy.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.safebed.occupancy.application.PlacementChanges.Applied;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Arrival;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.BedStatus;
import org.safebed.occupancy.domain.CheckOutReason;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.platform.refusal.Refusal;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What people do with a placement after it was requested. The placement is the source of truth
 * and is written first; its bed follows (occupied on check-in, released on cancel and check-out).
 * If the second write is lost, the reconciler brings the bed in line with its placement.
 *
 * <p>A placement the caller may not see answers 404, exactly like one that does not exist; the
 * platform audits that 404 as a denial.
 */
@Component
public class PlacementLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PlacementLifecycle.class);

  private final PlacementRepository placements;
  private final PlacementChanges changes;
  private final BedRepository beds;
  private final BedRelease release;
  private final RequestChurnGuard churn;
  private final OccupancyProperties properties;
  private final Clock clock;

  public PlacementLifecycle(
      PlacementRepository placements,
      PlacementChanges changes,
      BedRepository beds,
      BedRelease release,
      RequestChurnGuard churn,
      OccupancyProperties properties,
      Clock clock) {
    this.placements = placements;
    this.changes = changes;
    this.beds = beds;
    this.release = release;
    this.churn = churn;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The placements the caller may see, newest first: police their own, a shelter manager those
   * with a bed at her shelters, coordinators all (the same as {@link Access#mayView}).
   */
  public List<Placement> list(Caller caller, PlacementStatus status, int limit) {
    if (caller.has(Role.COORDINATOR)) {
      return placements.findLatest(null, null, status, limit);
    }
    if (caller.has(Role.POLICE)) {
      return placements.findLatest(caller.subject(), null, status, limit);
    }
    return placements.findLatest(null, caller.shelterIds(), status, limit);
  }

  public Placement view(Caller caller, String placementId) {
    return visibleTo(caller, placementId, Access::mayView);
  }

  public Placement checkIn(Caller manager, String placementId) {
    Placement placement = visibleTo(manager, placementId, Access::managesShelterOf);
    Applied applied = changes.apply(placement, p -> p.checkIn(clock.instant()));
    Placement after = applied.after();
    if (!beds.occupy(after.hold().bedId(), after.id(), clock.instant()) && applied.changed()
        && !occupiedBy(after)) {
      log.warn("Placement {} checked in but its bed {} was not HELD by it; the reconciler will align it",
          after.id(), after.hold().bedId());
    }
    return after;
  }

  public Placement checkOut(Caller manager, String placementId, CheckOutReason reason) {
    Placement placement = visibleTo(manager, placementId, Access::managesShelterOf);
    Applied applied = changes.apply(placement, p -> p.checkOut(reason, clock.instant()));
    release.releaseBedOf(applied.after());
    return applied.after();
  }

  public Placement cancel(Caller caller, String placementId) {
    Placement placement = visibleTo(caller, placementId, Access::mayCancel);
    Applied applied = changes.apply(placement, p -> p.cancel(clock.instant()));
    release.releaseBedOf(applied.after());
    if (applied.changed()) {
      churn.cancelled(caller, placement);
    }
    return applied.after();
  }

  /**
   * She did not arrive: the held bed is released as on a cancel (the waitlist is served), and the
   * cancellation event ends the transport job and, consumed by this service itself, alerts the
   * requesting police and coordinators ({@link Alerts#placementCancelled}).
   */
  public Placement reportNoShow(Caller caller, String placementId) {
    Placement placement = visibleTo(caller, placementId, Access::mayReportNoShow);
    Applied applied = changes.apply(placement, p -> p.noShow(clock.instant()));
    release.releaseBedOf(applied.after());
    if (applied.changed()) {
      log.info("Placement {}: reported as a no-show, its bed released", placementId);
    }
    return applied.after();
  }

  /** What her shelter prepares for, when this caller may know it (her shelter's manager, coordinators). */
  public static Optional<Arrival> arrivalFor(Caller caller, Placement placement) {
    return Access.maySeeArrival(caller, placement) ? placement.arrival() : Optional.empty();
  }

  /** Her bed stays hers for a while; the event alerts the police who placed her. */
  public Placement reportMissing(Caller manager, String placementId) {
    Placement placement = visibleTo(manager, placementId, Access::managesShelterOf);
    Applied applied = changes.apply(placement, p -> p.reportMissing(properties.missingBedKeptFor(), clock.instant()));
    if (applied.changed()) {
      log.warn("Placement {}: resident reported missing", placementId);
    }
    return applied.after();
  }

  public Placement reportReturned(Caller manager, String placementId) {
    Placement placement = visibleTo(manager, placementId, Access::managesShelterOf);
    return changes.apply(placement, p -> p.reportReturned(clock.instant())).after();
  }

  /** A simultaneous repeat of the same check-in may have occupied the bed first. */
  private boolean occupiedBy(Placement placement) {
    return beds.findById(placement.hold().bedId())
        .filter(bed -> bed.status() == BedStatus.OCCUPIED && placement.id().equals(bed.placementId()))
        .isPresent();
  }

  private Placement visibleTo(Caller caller, String placementId, BiPredicate<Caller, Placement> may) {
    return Refusal.visibleOrNotFound(
        placements.findById(placementId), placement -> may.test(caller, placement), "Placement");
  }
}
