package org.safebed.referral.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A housing officer's referral of one checked-in resident (known by her placement id) to rental
 * housing of the officer's agency. Each step returns a {@link ReferralChange}; persistence applies
 * it with one conditional write on the previous status and version, so two concurrent steps can
 * never both succeed.
 *
 * @param version incremented by every write: the optimistic-concurrency token
 */
public record Referral(
    String id,
    String agencyId,
    String createdBy,
    String placementId,
    Priority priority,
    Set<Need> needs,
    List<String> preferredRegions,
    int exclusionZoneCount,
    int keepApartRefCount,
    ReferralStatus status,
    Offer offer,
    LocalDate moveInDate,
    String closedReason,
    List<Step> steps,
    List<Decline> declines,
    Instant createdAt,
    Instant lastProgressAt,
    long version) {

  /** How far from today a move-in may be recorded: a typo of a year is refused, not published. */
  static final int MOVE_IN_DAYS_BACK = 30;
  static final int MOVE_IN_DAYS_AHEAD = 365;

  public Referral {
    needs = needs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needs));
    preferredRegions = List.copyOf(preferredRegions);
    steps = List.copyOf(steps);
    declines = List.copyOf(declines);
  }

  public static Referral open(
      String id,
      String agencyId,
      String createdBy,
      String placementId,
      Priority priority,
      Set<Need> needs,
      List<String> preferredRegions,
      SafetyConstraints safety,
      Instant now) {
    return new Referral(
        id, agencyId, createdBy, placementId, priority == null ? Priority.NORMAL : priority, needs,
        preferredRegions, safety.exclusionZones().size(), safety.keepApartRefs().size(),
        ReferralStatus.OPEN, null, null, null, List.of(new Step(ReferralStatus.OPEN, now, "CREATED")),
        List.of(), now, now, 0);
  }

  /** Holds the unit for this referral; the unit itself is reserved by its own conditional write. */
  public ReferralChange offer(RentalUnit unit, Instant now, Duration offerTtl) {
    require(ReferralStatus.OPEN, "offer a unit");
    Offer offer = new Offer(unit.id(), unit.region(), now, now.plus(offerTtl), null);
    return ReferralChange.of(this, moveTo(ReferralStatus.OFFERED, now, "OFFERED").withOffer(offer));
  }

  public ReferralChange accept(Instant now) {
    if (status == ReferralStatus.ACCEPTED) {
      return ReferralChange.none(this);
    }
    require(ReferralStatus.OFFERED, "accept");
    if (offer.expiredAt(now)) {
      throw new InvalidTransitionException("the offer has expired");
    }
    return ReferralChange.of(
        this, moveTo(ReferralStatus.ACCEPTED, now, "ACCEPTED").withOffer(offer.accepted(now)));
  }

  /** The resident may turn a unit down while it is offered and also after accepting, before moving in. */
  public ReferralChange decline(DeclineReason reason, Instant now) {
    if (!status.holdsUnit()) {
      throw new InvalidTransitionException("no offer to decline in status " + status);
    }
    List<Decline> moreDeclines = new ArrayList<>(declines);
    moreDeclines.add(new Decline(offer.unitId(), reason, now));
    Referral after = moveTo(ReferralStatus.OPEN, now, "DECLINED_" + reason).withOffer(null);
    return ReferralChange.releasing(this, after.withDeclines(moreDeclines), offer.unitId());
  }

  /** The sweep's step: expires a still unanswered offer that is due, and does nothing otherwise. */
  public ReferralChange expireOfferIfDue(Instant now) {
    if (status != ReferralStatus.OFFERED || !offer.expiredAt(now)) {
      return ReferralChange.none(this);
    }
    return ReferralChange.releasing(
        this, moveTo(ReferralStatus.OPEN, now, "OFFER_EXPIRED").withOffer(null), offer.unitId());
  }

  public ReferralChange moveIn(LocalDate date, Instant now) {
    if (status == ReferralStatus.MOVED_IN && date.equals(moveInDate)) {
      return ReferralChange.none(this);
    }
    require(ReferralStatus.ACCEPTED, "record the move-in");
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (date.isBefore(today.minusDays(MOVE_IN_DAYS_BACK)) || date.isAfter(today.plusDays(MOVE_IN_DAYS_AHEAD))) {
      throw new RuleViolationException(
          "the move-in date must be between " + MOVE_IN_DAYS_BACK + " days ago and "
              + MOVE_IN_DAYS_AHEAD + " days ahead");
    }
    Referral after = moveTo(ReferralStatus.MOVED_IN, now, "MOVED_IN").withMoveInDate(date);
    TenancyStarted event = new TenancyStarted(id, placementId, offer.unitId(), date, offer.region());
    return new ReferralChange(this, after, Optional.empty(), List.of(event), true);
  }

  /** Ends an active referral that can no longer lead to a tenancy; a held unit is released. */
  public ReferralChange close(String cause, Instant now) {
    if (!status.isActive()) {
      return ReferralChange.none(this);
    }
    String held = status.holdsUnit() ? offer.unitId() : null;
    Referral after = moveTo(ReferralStatus.CLOSED, now, cause).withOffer(null).withClosedReason(cause);
    return ReferralChange.releasing(this, after, held);
  }

  /** Active and without progress for longer than {@code after}. */
  public boolean stalledAt(Instant now, Duration after) {
    return status.isActive() && lastProgressAt.plus(after).isBefore(now);
  }

  /** The unit this referral holds or was let, if any. */
  public Optional<String> unitId() {
    return offer == null ? Optional.empty() : Optional.of(offer.unitId());
  }

  public boolean belongsTo(String agency) {
    return agencyId.equals(agency);
  }

  private void require(ReferralStatus expected, String action) {
    if (status != expected) {
      throw new InvalidTransitionException("cannot " + action + " in status " + status);
    }
  }

  private Referral moveTo(ReferralStatus next, Instant now, String cause) {
    List<Step> moreSteps = new ArrayList<>(steps);
    moreSteps.add(new Step(next, now, cause));
    return new Referral(
        id, agencyId, createdBy, placementId, priority, needs, preferredRegions, exclusionZoneCount,
        keepApartRefCount, next, offer, moveInDate, closedReason, moreSteps, declines, createdAt, now,
        version);
  }

  private Referral withOffer(Offer newOffer) {
    return new Referral(
        id, agencyId, createdBy, placementId, priority, needs, preferredRegions, exclusionZoneCount,
        keepApartRefCount, status, newOffer, moveInDate, closedReason, steps, declines, createdAt,
        lastProgressAt, version);
  }

  private Referral withDeclines(List<Decline> newDeclines) {
    return new Referral(
        id, agencyId, createdBy, placementId, priority, needs, preferredRegions, exclusionZoneCount,
        keepApartRefCount, status, offer, moveInDate, closedReason, steps, newDeclines, createdAt,
        lastProgressAt, version);
  }

  private Referral withMoveInDate(LocalDate date) {
    return new Referral(
        id, agencyId, createdBy, placementId, priority, needs, preferredRegions, exclusionZoneCount,
        keepApartRefCount, status, offer, date, closedReason, steps, declines, createdAt,
        lastProgressAt, version);
  }

  private Referral withClosedReason(String reason) {
    return new Referral(
        id, agencyId, createdBy, placementId, priority, needs, preferredRegions, exclusionZoneCount,
        keepApartRefCount, status, offer, moveInDate, reason, steps, declines, createdAt,
        lastProgressAt, version);
  }
}
