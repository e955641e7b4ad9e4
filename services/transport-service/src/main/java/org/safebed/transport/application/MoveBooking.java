package org.safebed.transport.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.safebed.transport.domain.PlacementPickups;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Books the move from the shelter to her rental home when her tenancy starts. The job is keyed by
 * the referral, so a redelivered event changes nothing; it waits (SCHEDULED) until the move-in
 * day, so a driver is not held for days ahead.
 */
@Service
public class MoveBooking {

  private static final Logger log = LoggerFactory.getLogger(MoveBooking.class);

  private final TransportJobs jobs;
  private final JobAssignment assignment;
  private final Clock clock;

  public MoveBooking(TransportJobs jobs, JobAssignment assignment, Clock clock) {
    this.jobs = jobs;
    this.assignment = assignment;
    this.clock = clock;
  }

  /**
   * @throws PickupNotKnownYet when transport has not seen the placement's pick-up yet: the shelter's
   *     area comes from it, and the event that creates it may still be on its way
   */
  public void tenancyStarted(String referralId, String placementId, LocalDate moveInDate, String region) {
    PlacementPickups pickups = jobs.pickupsOf(placementId);
    // Her current pick-up brought her to the shelter she moves out of (a replaced one did not).
    Optional<TransportJob> pickup = pickups.missingSuccessor().isPresent() ? Optional.empty() : pickups.current();
    if (pickup.isEmpty()) {
      throw new PickupNotKnownYet();
    }
    Instant now = clock.instant();
    // Due from the start of the move-in day (UTC): the driver is offered it that morning.
    Instant due = moveInDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    TransportJob move =
        TransportJob.move(
            referralId, placementId, region, pickup.get().destinationArea(), pickup.get().escort(), due, now);
    if (jobs.createIfAbsent(move)) {
      log.info("Move {} booked for placement {} ({})", move.id(), placementId, move.status());
    }
    assignment.assign(move.id());
  }

  /** The placement's pick-up job is not known (yet). */
  public static final class PickupNotKnownYet extends RuntimeException {
    PickupNotKnownYet() {
      super("pick-up job not known yet", null, false, false);
    }
  }
}
