package org.safebed.occupancy.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An emergency placement: from the police request through a timed bed hold to check-in and
 * check-out (and the exceptions: resident missing, shelter compromised). Every transition returns
 * the new state with the events it causes; the repository stores both in one conditional write
 * (optimistic on {@code version}), so a state change and its event never part.
 *
 * @param requesterAgency the police agency that asked (its {@code agency_id}), null if unknown: keep-apart
 *     rules apply by themselves only between placements of one agency
 * @param sealedCaseRef the police case reference, sealed; opaque to the domain
 * @param caseToken keyed hash of the case reference: what keep-apart rules of others compare with
 * @param requestFingerprint keyed hash of the request, to tell a retry from a different request
 * @param hold the bed held (kept after release for history), null before any hold
 * @param transport the drive to the shelter (the pick-up job)
 * @param moveTransport the move out of the shelter to her rental home (a separate job), learnt
 *     apart from the pick-up so neither disturbs the other
 * @param initialOutcome HELD or WAITLISTED: what the first answer said, so retries answer the same
 * @param relocatedFrom the placement this one replaces (its shelter was compromised), or null
 * @param relocatedTo the urgent placement that replaced this one, or null
 * @param firstHeldAt when a bed was first held (statistics: request to hold)
 * @param checkedInAt when she arrived (statistics: hold to check-in)
 * @param firstAssignedAt when the first driver was assigned to take her to her shelter, as transport
 *     reported it (statistics: hold to transport assigned); a re-assignment or a new job keeps it
 * @param missingSince when she was reported missing (kept after she returns or is checked out)
 * @param bedKeptUntil while missing, until when her bed is kept
 * @param escalatedAt when waiting too long raised an escalation to coordinators
 * @param matchReasons why the current shelter was chosen (for coordinators)
 * @param version optimistic-concurrency version as loaded
 */
public record Placement(
    String id,
    PlacementStatus status,
    String requestedBy,
    String requesterAgency,
    PlacementRequest request,
    String sealedCaseRef,
    String caseToken,
    String idempotencyKey,
    String requestFingerprint,
    BedHold hold,
    TransportProgress transport,
    TransportProgress moveTransport,
    CheckOutReason checkOutReason,
    PlacementStatus initialOutcome,
    String relocatedFrom,
    String relocatedTo,
    Instant firstHeldAt,
    Instant checkedInAt,
    Instant firstAssignedAt,
    Instant missingSince,
    Instant bedKeptUntil,
    Instant escalatedAt,
    List<String> matchReasons,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Placement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(request, "request");
    transport = transport == null ? TransportProgress.NONE : transport;
    moveTransport = moveTransport == null ? TransportProgress.NONE : moveTransport;
    matchReasons = matchReasons == null ? List.of() : List.copyOf(matchReasons);
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
    return requested(id, requestedBy, request, sealedCaseRef, null, idempotencyKey, requestFingerprint, now);
  }

  public static Placement requested(
      String id,
      String requestedBy,
      PlacementRequest request,
      String sealedCaseRef,
      String caseToken,
      String idempotencyKey,
      String requestFingerprint,
      Instant now) {
    return requested(id, requestedBy, null, request, sealedCaseRef, caseToken, idempotencyKey, requestFingerprint,
        now);
  }

  public static Placement requested(
      String id,
      String requestedBy,
      String requesterAgency,
      PlacementRequest request,
      String sealedCaseRef,
      String caseToken,
      String idempotencyKey,
      String requestFingerprint,
      Instant now) {
    return new Placement(id, PlacementStatus.PENDING, requestedBy, requesterAgency, request, sealedCaseRef, caseToken,
        idempotencyKey,
        requestFingerprint, null, TransportProgress.NONE, TransportProgress.NONE, null, null, null, null, null, null, null, null, null,
        null,
        List.of(), now, now, 0);
  }

  /**
   * The urgent placement that moves this person out of a compromised shelter: same requester, same
   * person and safety constraints, first in line. From a bed she already lives in, the search
   * starts at her shelter's coarse area (its exact location is not needed to rank, nor disclosed).
   */
  public Placement relocation(String newId, String resealedCaseRef, GeoPoint shelterArea, Instant now) {
    if (!status.hasBed() || hold == null) {
      throw new IllegalTransitionException("only a placement with a bed can be relocated");
    }
    GeoPoint from = status == PlacementStatus.HELD ? request.location() : shelterArea;
    Placement fresh = requested(newId, requestedBy, requesterAgency, request.relocated(from, Urgency.CRITICAL),
        resealedCaseRef,
        caseToken, "relocation-" + id, requestFingerprint, now);
    Draft draft = fresh.draft();
    draft.relocatedFrom = id;
    return draft.build();
  }

  public boolean isAwaitingBed() {
    return status == PlacementStatus.PENDING || status == PlacementStatus.WAITLISTED;
  }

  public String shelterId() {
    return hold == null ? null : hold.shelterId();
  }

  public Urgency urgency() {
    return request.urgency();
  }

  public Instant holdExpiresAt() {
    return status == PlacementStatus.HELD ? hold.expiresAt() : null;
  }

  public Change holdBed(Shelter shelter, String bedId, Instant expiresAt, Instant now) {
    return holdBed(shelter, bedId, expiresAt, now, List.of());
  }

  /** A bed of {@code shelter} is now held for this placement until {@code expiresAt}. */
  public Change holdBed(Shelter shelter, String bedId, Instant expiresAt, Instant now, List<String> reasons) {
    if (!isAwaitingBed()) {
      throw new IllegalTransitionException("only a pending or waitlisted placement can get a bed");
    }
    Draft held = draft();
    held.status = PlacementStatus.HELD;
    held.hold = new BedHold(shelter.id(), shelter.codeName(), shelter.region(), bedId, expiresAt);
    held.checkOutReason = null;
    held.initialOutcome = initialOutcome == null ? PlacementStatus.HELD : initialOutcome;
    held.firstHeldAt = firstHeldAt == null ? now : firstHeldAt;
    held.matchReasons = reasons;
    held.updatedAt = now;
    return Change.to(held.build(), new PlacementEvent.BedHeld(
        id,
        shelter.id(),
        shelter.codeName(),
        shelter.region(),
        request.person().isMinor(),
        request.escortGender(),
        request.languages(),
        request.pickupArea(),
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

  /** Waiting longer than allowed: coordinators must look at it (once). */
  public Change escalate(Duration waitedTooLong, Instant now) {
    if (status != PlacementStatus.WAITLISTED || escalatedAt != null || !isOlderThan(waitedTooLong, now)) {
      return Change.none(this);
    }
    Draft escalated = draft();
    escalated.escalatedAt = now;
    escalated.updatedAt = now;
    return Change.to(escalated.build());
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

  /**
   * Her shelter reports that she did not arrive: the held bed goes back, and transport learns it
   * as a cancellation (the same event, so its consumers need nothing new: a drive under way is
   * called off, a delivered one completed). Only a held placement: once she is checked in, her
   * leaving is a check-out or a missing report.
   */
  public Change noShow(Instant now) {
    return switch (status) {
      case NO_SHOW -> Change.none(this);
      case HELD -> Change.to(withStatus(PlacementStatus.NO_SHOW, now, initialOutcome),
          new PlacementEvent.Cancelled(id, hold.shelterId()));
      default -> throw new IllegalTransitionException("a placement that is " + status + " cannot be a no-show");
    };
  }

  /**
   * What her shelter prepares for, while this placement holds a bed there; none once it ended (she
   * left, did not come, or it was cancelled, expired or relocated).
   */
  public Optional<Arrival> arrival() {
    if (!status.hasBed()) {
      return Optional.empty();
    }
    return Optional.of(new Arrival(AgeBand.of(request.person().ageYears()), request.person().gender(),
        request.needs(), request.escortGender()));
  }

  public Change checkIn(Instant now) {
    return switch (status) {
      case CHECKED_IN -> Change.none(this);
      case HELD -> {
        Draft in = draft();
        in.status = PlacementStatus.CHECKED_IN;
        in.checkedInAt = now;
        in.updatedAt = now;
        yield Change.to(in.build(), new PlacementEvent.CheckedIn(id, hold.shelterId(), hold.region()));
      }
      default -> throw new IllegalTransitionException("a placement that is " + status + " cannot be checked in");
    };
  }

  public Change checkOut(CheckOutReason reason, Instant now) {
    Objects.requireNonNull(reason, "reason");
    return switch (status) {
      case CHECKED_OUT -> Change.none(this);
      case CHECKED_IN, RESIDENT_MISSING -> {
        Draft out = draft();
        out.status = PlacementStatus.CHECKED_OUT;
        out.checkOutReason = reason;
        out.bedKeptUntil = null;
        out.updatedAt = now;
        yield Change.to(out.build(), new PlacementEvent.CheckedOut(id, hold.shelterId(), reason));
      }
      default -> throw new IllegalTransitionException("a placement that is " + status + " cannot be checked out");
    };
  }

  /**
   * She left the shelter without a word. Her bed stays hers until {@code now + keepBedFor}; police
   * are alerted through the event.
   */
  public Change reportMissing(Duration keepBedFor, Instant now) {
    return switch (status) {
      case RESIDENT_MISSING -> Change.none(this);
      case CHECKED_IN -> {
        Draft missing = draft();
        missing.status = PlacementStatus.RESIDENT_MISSING;
        missing.missingSince = now;
        missing.bedKeptUntil = now.plus(keepBedFor);
        missing.updatedAt = now;
        yield Change.to(missing.build(),
            new PlacementEvent.ResidentMissing(id, hold.shelterId(), hold.region(), now));
      }
      default -> throw new IllegalTransitionException("only a checked-in resident can be reported missing");
    };
  }

  /** She is back while her bed is still hers. */
  public Change reportReturned(Instant now) {
    return switch (status) {
      case CHECKED_IN -> Change.none(this);
      case RESIDENT_MISSING -> {
        Draft back = draft();
        back.status = PlacementStatus.CHECKED_IN;
        back.bedKeptUntil = null;
        back.updatedAt = now;
        yield Change.to(back.build());
      }
      default -> throw new IllegalTransitionException("a placement that is " + status + " has no bed to return to");
    };
  }

  public boolean missingBedRunOut(Instant now) {
    return status == PlacementStatus.RESIDENT_MISSING && bedKeptUntil != null && !now.isBefore(bedKeptUntil);
  }

  /** Missing for longer than her bed could be kept: she is checked out and the bed goes to others. */
  public Change giveUpMissingBed(Instant now) {
    if (!missingBedRunOut(now)) {
      return Change.none(this);
    }
    return checkOut(CheckOutReason.MISSING, now);
  }

  /**
   * Her shelter was compromised and {@code replacement} takes over. Transport learns it like a
   * cancellation (a drive still under way must not arrive there), and a resident's stay ends like a
   * transfer.
   */
  public Change relocateTo(String replacement, Instant now) {
    if (status == PlacementStatus.RELOCATED) {
      return Change.none(this);
    }
    if (!status.hasBed()) {
      throw new IllegalTransitionException("a placement that is " + status + " has no bed to relocate from");
    }
    Draft moved = draft();
    moved.status = PlacementStatus.RELOCATED;
    moved.relocatedTo = replacement;
    moved.bedKeptUntil = null;
    moved.updatedAt = now;
    PlacementEvent event = status == PlacementStatus.HELD
        ? new PlacementEvent.Cancelled(id, hold.shelterId())
        : new PlacementEvent.CheckedOut(id, hold.shelterId(), CheckOutReason.TRANSFERRED);
    return Change.to(moved.build(), event);
  }

  /**
   * Whether matching must keep her out of the shelter of the person in a bed: either of them named
   * the other in a keep-apart list, and both were placed by one agency.
   *
   * <p>Between agencies a rule is not applied by matching: a request's references and its own case
   * reference are free inputs, and a bed held or not because of someone else's case would tell the
   * caller where that case lives. Such a relation goes to coordinators instead
   * ({@link #sharesKeepApartRuleAcrossAgencies}).
   */
  public boolean mustBeKeptApartFrom(Bed.Occupant occupant) {
    return namesOrIsNamedBy(occupant) && requesterAgency != null && requesterAgency.equals(occupant.agency());
  }

  /** A keep-apart rule with someone placed by another agency (or an unknown one): for coordinators to judge. */
  public boolean sharesKeepApartRuleAcrossAgencies(Bed.Occupant occupant) {
    return namesOrIsNamedBy(occupant) && !mustBeKeptApartFrom(occupant);
  }

  private boolean namesOrIsNamedBy(Bed.Occupant occupant) {
    if (occupant == null) {
      return false;
    }
    boolean sheNamedThem = occupant.caseToken() != null && request.keepApart().contains(occupant.caseToken());
    boolean theyNamedHer = caseToken != null && occupant.keepApart().contains(caseToken);
    return sheNamedThem || theyNamedHer;
  }

  /** Whether keep-apart rules can concern her at all (she names someone, or has a case token). */
  public boolean hasKeepApartFacts() {
    return caseToken != null || !request.keepApart().isEmpty();
  }

  /** Her keep-apart facts as they go with her into a bed. */
  public Bed.Occupant asOccupant() {
    return new Bed.Occupant(caseToken, request.keepApart(), requesterAgency);
  }

  /**
   * A driver was assigned. While the bed is held, the hold lasts at least until the expected
   * arrival plus a margin: a child on her way must not lose her bed. The arrival is counted from
   * when the assignment happened, so a redelivered event extends nothing further. The extension
   * stops {@code ceiling} past the hold's original expiry, whatever the ETA: beyond it the hold
   * expires and the bed goes to the next child.
   */
  public Change transportAssigned(
      String jobId, String driverId, int etaMinutes, Instant occurredAt, Instant now, Duration margin,
      Duration ceiling) {
    TransportProgress progress = transport.assigned(jobId, driverId, etaMinutes, occurredAt);
    BedHold newHold = hold;
    if (status == PlacementStatus.HELD) {
      newHold = hold.extendedTo(occurredAt.plus(Duration.ofMinutes(etaMinutes)).plus(margin), ceiling);
    }
    // Every assignment happened when it says, even one of an older job arriving late: the earliest is the first.
    Instant firstAssigned = firstAssignedAt == null || occurredAt.isBefore(firstAssignedAt) ? occurredAt : firstAssignedAt;
    if (progress.equals(transport) && Objects.equals(newHold, hold) && firstAssigned.equals(firstAssignedAt)) {
      return Change.none(this);
    }
    Draft changed = draft();
    changed.transport = progress;
    changed.hold = newHold;
    changed.firstAssignedAt = firstAssigned;
    changed.updatedAt = now;
    return Change.to(changed.build());
  }

  public Change transportProgressed(String jobId, TransportStatus reached, Instant occurredAt, Instant now) {
    TransportProgress progress = transport.progressed(jobId, reached, occurredAt);
    return progress.equals(transport) ? Change.none(this) : Change.to(withTransport(progress, hold, now));
  }

  /**
   * The driver of her move to rental was assigned or progressed. Only the move leg changes: the
   * pick-up's progress and the hold stay as they were.
   */
  public Change moveAssigned(String jobId, String driverId, int etaMinutes, Instant occurredAt, Instant now) {
    return withMoveTransport(moveTransport.assigned(jobId, driverId, etaMinutes, occurredAt), now);
  }

  public Change moveProgressed(String jobId, TransportStatus reached, Instant occurredAt, Instant now) {
    return withMoveTransport(moveTransport.progressed(jobId, reached, occurredAt), now);
  }

  /**
   * Whether this driver, on this move, may learn the shelter she moves out of: only once she was
   * checked out to move to rental, while the move is under way and for {@code grace} after its
   * delivery.
   */
  public boolean isMoveOriginFor(String driverId, String jobId, Duration grace, Instant now) {
    if (status != PlacementStatus.CHECKED_OUT || checkOutReason != CheckOutReason.MOVED_TO_RENTAL || hold == null) {
      return false;
    }
    return moveTransport.isUnderwayWith(driverId, jobId) || moveTransport.deliveredBy(driverId, jobId, grace, now);
  }

  /** Whether this driver, on this job, is taking her to the bed held for her right now. */
  public boolean isDestinationFor(String driverId, String jobId) {
    return status == PlacementStatus.HELD && transport.isUnderwayWith(driverId, jobId);
  }

  /**
   * Whether this driver, on this job, may learn where the bed is: while the bed is held and the
   * drive is under way, and for {@code grace} after that driver delivered her (finding the door, the
   * hand-over), even once she was checked in. Never once the placement was cancelled or expired.
   */
  public boolean isDestinationFor(String driverId, String jobId, Duration grace, Instant now) {
    if (isDestinationFor(driverId, jobId)) {
      return true;
    }
    return (status == PlacementStatus.HELD || status == PlacementStatus.CHECKED_IN)
        && transport.deliveredBy(driverId, jobId, grace, now);
  }

  public boolean isRequestedBy(String subject) {
    return requestedBy.equals(subject);
  }

  public boolean isOlderThan(Duration age, Instant now) {
    return createdAt.plus(age).isBefore(now);
  }

  private Placement withStatus(PlacementStatus newStatus, Instant now, PlacementStatus outcome) {
    Draft changed = draft();
    changed.status = newStatus;
    changed.initialOutcome = outcome;
    changed.updatedAt = now;
    return changed.build();
  }

  private Placement withTransport(TransportProgress progress, BedHold newHold, Instant now) {
    Draft changed = draft();
    changed.transport = progress;
    changed.hold = newHold;
    changed.updatedAt = now;
    return changed.build();
  }

  private Change withMoveTransport(TransportProgress progress, Instant now) {
    if (progress.equals(moveTransport)) {
      return Change.none(this);
    }
    Draft changed = draft();
    changed.moveTransport = progress;
    changed.updatedAt = now;
    return Change.to(changed.build());
  }

  private Draft draft() {
    return new Draft(this);
  }

  /** A copy to change a few fields of; transitions build their new state from it. */
  private static final class Draft {
    private final Placement from;
    private PlacementStatus status;
    private BedHold hold;
    private TransportProgress transport;
    private TransportProgress moveTransport;
    private CheckOutReason checkOutReason;
    private PlacementStatus initialOutcome;
    private String relocatedFrom;
    private String relocatedTo;
    private Instant firstHeldAt;
    private Instant checkedInAt;
    private Instant firstAssignedAt;
    private Instant missingSince;
    private Instant bedKeptUntil;
    private Instant escalatedAt;
    private List<String> matchReasons;
    private Instant updatedAt;

    private Draft(Placement p) {
      from = p;
      status = p.status;
      hold = p.hold;
      transport = p.transport;
      moveTransport = p.moveTransport;
      checkOutReason = p.checkOutReason;
      initialOutcome = p.initialOutcome;
      relocatedFrom = p.relocatedFrom;
      relocatedTo = p.relocatedTo;
      firstHeldAt = p.firstHeldAt;
      checkedInAt = p.checkedInAt;
      firstAssignedAt = p.firstAssignedAt;
      missingSince = p.missingSince;
      bedKeptUntil = p.bedKeptUntil;
      escalatedAt = p.escalatedAt;
      matchReasons = p.matchReasons;
      updatedAt = p.updatedAt;
    }

    private Placement build() {
      return new Placement(from.id, status, from.requestedBy, from.requesterAgency, from.request, from.sealedCaseRef, from.caseToken,
          from.idempotencyKey, from.requestFingerprint, hold, transport, moveTransport, checkOutReason, initialOutcome,
          relocatedFrom, relocatedTo, firstHeldAt, checkedInAt, firstAssignedAt, missingSince, bedKeptUntil, escalatedAt,
          matchReasons == null ? Collections.emptyList() : matchReasons, from.createdAt, updatedAt, from.version);
    }
  }
}
