package org.safebed.occupancy.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An emergency placement: from the police request through a timed bed hold to check-in and
 * check-out. Every transition returns the new state with the events it causes; the repository
 * stores both in one conditional write (optimistic on {@code version}), so a state change and its
 * event never part.
 *
 * @param sealedCaseRef the police case reference, sealed; opaque to the domain
 * @param requestFingerprint keyed hash of the request, to tell a retry from a different request
 * @param hold the bed held (kept after release for history), null before any hold
 * @param initialOutcome HELD or WAITLISTED: what the first answer said, so retries answer the same
 * @param version optimistic-concurrency version as loaded
 */
public record Placement(
    String id,
    PlacementStatus status,
    String requestedBy,
    PlacementRequest request,
    String sealedCaseRef,
    String idempotencyKey,
    String requestFingerprint,
    BedHold hold,
    TransportProgress transport,
    CheckOutReason checkOutReason,
    PlacementStatus initialOutcome,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Placement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(request, "request");
    transport = transport == null ? TransportProgress.NONE : transport;
  }

  /** The new state and the events it causes; {@code changed} false when the command was a repeat. */
  public record Change(Placement placement, List<PlacementEvent> events, boolean changed) {
    static Change to(Placement placement, PlacementEvent... events) {
      return new Change(placement, List.of(events), true);
    }

    public static Change none(Placement placement) {
      return new Change(placement, List.of(), false);
    }
  }

  public static Placement requested(
      String id,
      String requestedBy,
      PlacementRequest request,
      String sealedCaseRef,
      String idempotencyKey,
      String requestFingerprint,
      Instant now) {
    return new Placement(id, PlacementStatus.PENDING, requestedBy, request, sealedCaseRef, idempotencyKey,
        requestFingerprint, null, TransportProgress.NONE, null, null, now, now, 0);
  }

  public boolean isAwaitingBed() {
    return status == PlacementStatus.PENDING || status == PlacementStatus.WAITLISTED;
  }

  public String shelterId() {
    return hold == null ? null : hold.shelterId();
  }

  public Instant holdExpiresAt() {
    return status == PlacementStatus.HELD ? hold.expiresAt() : null;
  }

  /** A bed of {@code shelter} is now held for this placement until {@code expiresAt}. */
  public Change holdBed(Shelter shelter, String bedId, Instant expiresAt, Instant now) {
    if (!isAwaitingBed()) {
      throw new IllegalTransitionException("only a pending or waitlisted placement can get a bed");
    }
    BedHold newHold = new BedHold(shelter.id(), shelter.codeName(), shelter.region(), bedId, expiresAt);
    PlacementStatus outcome = initialOutcome == null ? PlacementStatus.HELD : initialOutcome;
    Placement held = new Placement(id, PlacementStatus.HELD, requestedBy, request, sealedCaseRef,
        idempotencyKey, requestFingerprint, newHold, transport, null, outcome, createdAt, now, version);
    return Change.to(held, new PlacementEvent.BedHeld(
        id,
        shelter.id(),
        shelter.codeName(),
        shelter.region(),
        request.person().isMinor(),
        request.location().roundedTo(PlacementEvent.PICKUP_AREA_STEP_DEGREES),
        shelter.area().roundedTo(Shelter.AREA_STEP_DEGREES),
        expiresAt));
  }

  /**
   * No eligible bed is free. Nobody consumes a "waitlisted" event yet, so none is recorded (an
   * unroutable event would be retried by the relay forever).
   */
  public Change waitlist(Instant now) {
    if (status == PlacementStatus.WAITLISTED) {
      return Change.none(this);
    }
    if (status != PlacementStatus.PENDING) {
      throw new IllegalTransitionException("only a pending placement can be waitlisted");
    }
    return Change.to(withStatus(PlacementStatus.WAITLISTED, now, PlacementStatus.WAITLISTED));
  }

  public boolean holdHasExpired(Instant now) {
    return status == PlacementStatus.HELD && !now.isBefore(hold.expiresAt());
  }

  public Change expireHold(Instant now) {
    if (!holdHasExpired(now)) {
      throw new IllegalTransitionException("the hold has not expired");
    }
    return Change.to(withStatus(PlacementStatus.HOLD_EXPIRED, now, initialOutcome),
        new PlacementEvent.HoldExpired(id, hold.shelterId()));
  }

  public Change cancel(Instant now) {
    return switch (status) {
      case CANCELLED -> Change.none(this);
      case PENDING, WAITLISTED -> Change.to(withStatus(PlacementStatus.CANCELLED, now, initialOutcome));
      case HELD -> Change.to(withStatus(PlacementStatus.CANCELLED, now, initialOutcome),
          new PlacementEvent.Cancelled(id, hold.shelterId()));
      default -> throw new IllegalTransitionException("a placement that is " + status + " cannot be cancelled");
    };
  }

  public Change checkIn(Instant now) {
    return switch (status) {
      case CHECKED_IN -> Change.none(this);
      case HELD -> Change.to(withStatus(PlacementStatus.CHECKED_IN, now, initialOutcome),
          new PlacementEvent.CheckedIn(id, hold.shelterId(), hold.region()));
      default -> throw new IllegalTransitionException("a placement that is " + status + " cannot be checked in");
    };
  }

  public Change checkOut(CheckOutReason reason, Instant now) {
    Objects.requireNonNull(reason, "reason");
    return switch (status) {
      case CHECKED_OUT -> Change.none(this);
      case CHECKED_IN -> {
        Placement out = new Placement(id, PlacementStatus.CHECKED_OUT, requestedBy, request, sealedCaseRef,
            idempotencyKey, requestFingerprint, hold, transport, reason, initialOutcome, createdAt, now, version);
        yield Change.to(out, new PlacementEvent.CheckedOut(id, hold.shelterId(), reason));
      }
      default -> throw new IllegalTransitionException("a placement that is " + status + " cannot be checked out");
    };
  }

  /**
   * A driver was assigned. While the bed is held, the hold lasts at least until the expected
   * arrival plus a margin: a child on her way must not lose her bed. The arrival is counted from
   * when the assignment happened, so a redelivered event extends nothing further.
   */
  public Change transportAssigned(
      String jobId, String driverId, int etaMinutes, Instant occurredAt, Instant now, Duration margin) {
    TransportProgress progress = transport.assigned(jobId, driverId, etaMinutes, occurredAt);
    BedHold newHold = hold;
    if (status == PlacementStatus.HELD) {
      newHold = hold.extendedTo(occurredAt.plus(Duration.ofMinutes(etaMinutes)).plus(margin));
    }
    if (progress.equals(transport) && Objects.equals(newHold, hold)) {
      return Change.none(this);
    }
    return Change.to(withTransport(progress, newHold, now));
  }

  public Change transportProgressed(String jobId, TransportStatus reached, Instant occurredAt, Instant now) {
    TransportProgress progress = transport.progressed(jobId, reached, occurredAt);
    return progress.equals(transport) ? Change.none(this) : Change.to(withTransport(progress, hold, now));
  }

  /** Whether this driver, on this job, may learn where the bed is: only while it is held. */
  public boolean isDestinationFor(String driverId, String jobId) {
    return status == PlacementStatus.HELD && transport.isUnderwayWith(driverId, jobId);
  }

  public boolean isRequestedBy(String subject) {
    return requestedBy.equals(subject);
  }

  public boolean isOlderThan(Duration age, Instant now) {
    return createdAt.plus(age).isBefore(now);
  }

  private Placement withStatus(PlacementStatus newStatus, Instant now, PlacementStatus outcome) {
    return new Placement(id, newStatus, requestedBy, request, sealedCaseRef, idempotencyKey, requestFingerprint,
        hold, transport, checkOutReason, outcome, createdAt, now, version);
  }

  private Placement withTransport(TransportProgress progress, BedHold newHold, Instant now) {
    return new Placement(id, status, requestedBy, request, sealedCaseRef, idempotencyKey, requestFingerprint,
        newHold, progress, checkOutReason, initialOutcome, createdAt, now, version);
  }
}
