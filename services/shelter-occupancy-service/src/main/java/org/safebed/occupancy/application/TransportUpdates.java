package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.TransportStatus;
import org.safebed.platform.messaging.inbox.RetryLaterException;
import org.springframework.stereotype.Component;

/**
 * What the transport service tells us about the drive to the shelter, and about her move out of it
 * to rental. Idempotent and
 * order-tolerant by construction ({@link org.safebed.occupancy.domain.TransportProgress}); an event
 * about a placement that has no bed yet came too early and is retried.
 */
@Component
public class TransportUpdates {

  private final PlacementChanges changes;
  private final OccupancyProperties properties;
  private final Clock clock;
  private final PlacementTimes times;

  public TransportUpdates(
      PlacementChanges changes, OccupancyProperties properties, Clock clock, PlacementTimes times) {
    this.changes = changes;
    this.properties = properties;
    this.clock = clock;
    this.times = times;
  }

  public void assigned(String placementId, String jobId, String driverId, int etaMinutes, Instant occurredAt) {
    Instant at = stored(occurredAt);
    PlacementChanges.Applied applied = changes.apply(placementId, placement -> {
      requireBedHeldOnce(placement);
      return placement.transportAssigned(
          jobId, driverId, etaMinutes, at, clock.instant(), properties.transportMargin(),
          properties.maxHoldExtension());
    }).orElseThrow(() -> unknown(placementId));
    if (applied.changed()) {
      times.transportAssigned(applied.before(), applied.after());
    }
  }

  public void progressed(String placementId, String jobId, TransportStatus reached, Instant occurredAt) {
    Instant at = stored(occurredAt);
    changes.apply(placementId, placement -> {
      requireBedHeldOnce(placement);
      return placement.transportProgressed(jobId, reached, at, clock.instant());
    }).orElseThrow(() -> unknown(placementId));
  }

  /**
   * The move out of the shelter (a job of its own): recorded on its own leg, so the pick-up's
   * progress and the hold are left alone.
   */
  public void moveAssigned(String placementId, String jobId, String driverId, int etaMinutes, Instant occurredAt) {
    Instant at = stored(occurredAt);
    changes.apply(placementId, placement -> {
      requireBedHeldOnce(placement);
      return placement.moveAssigned(jobId, driverId, etaMinutes, at, clock.instant());
    }).orElseThrow(() -> unknown(placementId));
  }

  public void moveProgressed(String placementId, String jobId, TransportStatus reached, Instant occurredAt) {
    Instant at = stored(occurredAt);
    changes.apply(placementId, placement -> {
      requireBedHeldOnce(placement);
      return placement.moveProgressed(jobId, reached, at, clock.instant());
    }).orElseThrow(() -> unknown(placementId));
  }

  /** Times are stored to the millisecond: a redelivered event must compare equal to its stored self. */
  private static Instant stored(Instant occurredAt) {
    return occurredAt.truncatedTo(ChronoUnit.MILLIS);
  }

  private static void requireBedHeldOnce(Placement placement) {
    if (placement.hold() == null) {
      throw new RetryLaterException("transport event before the bed was held");
    }
  }

  /** Transport only knows placements from our own bed-held events: an unknown one is parked. */
  private static RetryLaterException unknown(String placementId) {
    return new RetryLaterException("no placement " + placementId + " (yet)");
  }
}
