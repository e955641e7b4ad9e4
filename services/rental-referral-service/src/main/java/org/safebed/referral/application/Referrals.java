package org.safebed.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.safebed.platform.refusal.Refusal;
import org.safebed.referral.config.ReferralProperties;
import org.safebed.referral.domain.DeclineReason;
import org.safebed.referral.domain.ExclusionZone;
import org.safebed.referral.domain.GeoPoint;
import org.safebed.referral.domain.Ineligibility;
import org.safebed.referral.domain.InvalidTransitionException;
import org.safebed.referral.domain.LocatedUnit;
import org.safebed.referral.domain.Need;
import org.safebed.referral.domain.PlacementSafety;
import org.safebed.referral.domain.PlacementSafety.PlacementConstraints;
import org.safebed.referral.domain.Priority;
import org.safebed.referral.domain.Referral;
import org.safebed.referral.domain.ReferralChange;
import org.safebed.referral.domain.ReferralQuery;
import org.safebed.referral.domain.ReferralRepository;
import org.safebed.referral.domain.ReferralStatus;
import org.safebed.referral.domain.RentalUnit;
import org.safebed.referral.domain.RentalUnitRepository;
import org.safebed.referral.domain.Resident;
import org.safebed.referral.domain.ResidentRepository;
import org.safebed.referral.domain.RuleViolationException;
import org.safebed.referral.domain.SafetyConstraints;
import org.safebed.referral.domain.UnitMatch;
import org.safebed.referral.domain.UnitMatching;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Referral use cases. Commands are for housing officers of the referral's agency; a coordinator may
 * read every agency's referrals. Another agency's referral answers as an unknown one.
 */
@Service
public class Referrals {

  private static final Logger log = LoggerFactory.getLogger(Referrals.class);

  private final ReferralRepository referrals;
  private final RentalUnitRepository units;
  private final ResidentRepository residents;
  private final ReferralSteps steps;
  private final SealedReads sealedReads;
  private final PlacementSafety placementSafety;
  private final ReferralProperties properties;
  private final Clock clock;

  public Referrals(
      ReferralRepository referrals,
      RentalUnitRepository units,
      ResidentRepository residents,
      ReferralSteps steps,
      SealedReads sealedReads,
      PlacementSafety placementSafety,
      ReferralProperties properties,
      Clock clock) {
    this.referrals = referrals;
    this.units = units;
    this.residents = residents;
    this.steps = steps;
    this.sealedReads = sealedReads;
    this.placementSafety = placementSafety;
    this.properties = properties;
    this.clock = clock;
  }

  /** A validated request to refer a resident; {@code unitId} null for an OPEN referral. */
  public record NewReferral(
      String placementId,
      String unitId,
      Set<Need> needs,
      List<String> preferredRegions,
      Priority priority,
      SafetyConstraints safety) {

    @Override
    public String toString() {
      return "NewReferral[" + placementId + "]"; // never the safety constraints
    }
  }

  public ReferralView create(Actor officer, NewReferral request) {
    String agency = Officers.agencyOf(officer);
    Resident resident =
        residents.find(request.placementId()).orElseThrow(() -> new Refusal.NotFound("Placement"));
    if (!resident.isCheckedIn()) {
      throw new Refusal.Conflict("resident not checked in");
    }
    // Her placement's zones and the officer's, together: nothing police set is dropped. Keep-apart
    // references are kept only as occupancy's tokens (the placement's and the officer's, tokenised),
    // which every tenant's token compares with; the officer's references are never stored.
    PlacementConstraints placement =
        placementConstraints(officer, request.placementId(), request.safety().keepApartRefs());
    SafetyConstraints safety = new SafetyConstraints(request.safety().exclusionZones(), List.of())
        .and(placement.safety());
    Instant now = clock.instant();
    String id = "ref-" + UUID.randomUUID();
    Referral open =
        Referral.open(id, agency, officer.subject(), request.placementId(), request.priority(), request.needs(),
            request.preferredRegions(), safety, now);
    if (request.unitId() == null) {
      referrals.insert(open, safety, placement.caseToken());
      log.info("Referral {} opened for placement {}", id, request.placementId());
      return view(open);
    }
    RentalUnit unit = eligibleUnit(officer, open, request.unitId(), withKeepApartHomes(safety, agency));
    reserve(unit, id, now);
    ReferralChange offered = open.offer(unit, now, properties.offerTtl());
    try {
      referrals.insert(offered.after(), safety, placement.caseToken());
    } catch (RuntimeException e) {
      releaseUnlessHeld(unit.id(), id);
      throw e;
    }
    log.info("Referral {} opened for placement {} with unit {} offered", id, request.placementId(), unit.id());
    return view(offered.after());
  }

  /** What police set for her placement; a referral without them would be less safe than her shelter. */
  private PlacementConstraints placementConstraints(Actor officer, String placementId, List<String> officersRefs) {
    try {
      return placementSafety.forReferral(placementId, officer.subject(), officersRefs);
    } catch (PlacementSafety.NotDisclosedException e) {
      throw new Refusal.Conflict("shelter occupancy does not confirm she is checked in");
    } catch (PlacementSafety.UnavailableException e) {
      throw new Refusal.Unavailable("her safety constraints cannot be read from shelter occupancy now; try again shortly");
    }
  }

  public ReferralView get(Actor actor, String referralId) {
    return view(readable(actor, referralId));
  }

  public List<ReferralView> list(Actor actor, ReferralStatus status, Boolean stalled, int limit) {
    String agency = actor.isCoordinator() ? null : Officers.agencyOf(actor);
    Instant now = clock.instant();
    Instant stalledBefore = Boolean.TRUE.equals(stalled) ? now.minus(properties.stalledAfter()) : null;
    return referrals.list(new ReferralQuery(agency, status, stalledBefore, limit)).stream()
        .map(r -> new ReferralView(r, r.stalledAt(now, properties.stalledAfter()), now))
        .filter(v -> !Boolean.FALSE.equals(stalled) || !v.stalled())
        .toList();
  }

  public List<UnitMatch> matches(Actor officer, String referralId, int limit) {
    Referral referral = owned(officer, referralId);
    if (!referral.status().isActive()) {
      throw new InvalidTransitionException("the referral is " + referral.status() + ": no units to match");
    }
    boolean accessibleOnly = referral.needs().contains(Need.ACCESSIBLE);
    List<RentalUnit> candidates =
        units.availableCandidates(referral.agencyId(), UnitMatching.households(referral.needs()), accessibleOnly,
            properties.matchCandidates());
    if (candidates.isEmpty()) {
      return List.of();
    }
    SafetyConstraints safety = withKeepApartHomes(referrals.safetyOf(referralId), referral.agencyId());
    Map<String, GeoPoint> locations = units.locationsOf(candidates.stream().map(RentalUnit::id).toList());
    sealedReads.safetyChecked(officer, referralId, "UNIT_MATCHING");
    List<LocatedUnit> located =
        candidates.stream()
            .filter(u -> locations.containsKey(u.id()))
            .map(u -> new LocatedUnit(u, locations.get(u.id())))
            .toList();
    return UnitMatching.rank(located, referral, safety, limit);
  }

  public ReferralView offer(Actor officer, String referralId, String unitId) {
    Referral referral = owned(officer, referralId);
    if (referral.status() != ReferralStatus.OPEN) {
      throw new InvalidTransitionException("cannot offer a unit in status " + referral.status());
    }
    RentalUnit unit = eligibleUnit(officer, referral, unitId,
        withKeepApartHomes(referrals.safetyOf(referralId), referral.agencyId()));
    Instant now = clock.instant();
    reserve(unit, referralId, now);
    try {
      return view(steps.run(referral, r -> r.offer(unit, now, properties.offerTtl())));
    } catch (RuntimeException e) {
      releaseUnlessHeld(unit.id(), referralId);
      throw e;
    }
  }

  public ReferralView accept(Actor officer, String referralId) {
    Instant now = clock.instant();
    return view(steps.run(owned(officer, referralId), r -> r.accept(now)));
  }

  public ReferralView decline(Actor officer, String referralId, DeclineReason reason) {
    Instant now = clock.instant();
    return view(steps.run(owned(officer, referralId), r -> r.decline(reason, now)));
  }

  public ReferralView moveIn(Actor officer, String referralId, LocalDate date) {
    Instant now = clock.instant();
    return view(steps.run(owned(officer, referralId), r -> r.moveIn(date, now)));
  }

  /**
   * Her constraints plus a zone around the home of everyone she must be kept apart from (a tenant
   * whose case token is one of her keep-apart tokens): the rules and the ranking then keep her
   * away from them as from her exclusion zones, and a refusal does not say which it was.
   *
   * <p>What an officer can learn from these answers is bounded, because she chooses the units she
   * offers and the references she adds: each zone is centred on the home's coarse area and widened
   * by the farthest a home can lie from it (so every unit too close to the real home is still
   * refused, and nothing finer than the area can be bisected), and references the officer added
   * count only against tenants of her own agency (another agency's case references are not free
   * inputs). Her placement's references, which police gave, count against tenants of every agency.
   */
  private SafetyConstraints withKeepApartHomes(SafetyConstraints safety, String agency) {
    if (safety.keepApartRefs().isEmpty()) {
      return safety;
    }
    List<GeoPoint> homeAreas = new ArrayList<>(units.homeAreasOfTenants(safety.tokensForAnyAgency(), null));
    homeAreas.addAll(units.homeAreasOfTenants(safety.tokensForOwnAgency(), agency));
    double radiusKm = properties.keepApartRadiusKm() + GeoPoint.AREA_HALF_DIAGONAL_KM;
    List<ExclusionZone> aroundTheirHomes = homeAreas.stream().distinct()
        .map(area -> new ExclusionZone(area, radiusKm))
        .toList();
    return safety.and(new SafetyConstraints(aroundTheirHomes, List.of()));
  }

  /** The unit, if it is the referral agency's and passes every rule; 404, 409 or 422 otherwise. */
  private RentalUnit eligibleUnit(Actor officer, Referral referral, String unitId, SafetyConstraints safety) {
    RentalUnit unit = Refusal.visibleOrNotFound(
        units.find(unitId), u -> u.belongsTo(referral.agencyId()), "Rental unit");
    GeoPoint location = units.locationsOf(List.of(unitId)).get(unitId);
    sealedReads.safetyChecked(officer, referral.id(), "UNIT_OFFER_CHECK");
    Ineligibility problem =
        UnitMatching.check(new LocatedUnit(unit, location), referral.needs(), safety).orElse(null);
    if (problem == Ineligibility.NOT_AVAILABLE) {
      throw new Refusal.Conflict(problem.detail());
    }
    if (problem != null) {
      throw new RuleViolationException(problem.detail());
    }
    return unit;
  }

  /** The one conditional write that decides who gets a contested unit. */
  private void reserve(RentalUnit unit, String referralId, Instant now) {
    if (!units.reserve(unit.id(), unit.agencyId(), referralId, now)) {
      throw new Refusal.Conflict("the unit is not available");
    }
  }

  /**
   * Gives a just-reserved unit back when its referral did not take it (it changed meanwhile, or the
   * write failed). If the failure hid a write that did happen, the referral holds the unit and it
   * stays reserved; if this check fails too, the reconciler decides later.
   */
  private void releaseUnlessHeld(String unitId, String referralId) {
    try {
      boolean held =
          referrals.find(referralId)
              .filter(r -> r.status().holdsUnit() && r.unitId().filter(unitId::equals).isPresent())
              .isPresent();
      if (!held) {
        units.release(unitId, referralId, clock.instant());
      }
    } catch (RuntimeException e) {
      log.warn("Unit {} stays reserved for referral {} until reconciled ({})", unitId, referralId,
          e.getClass().getSimpleName());
    }
  }

  private Referral readable(Actor actor, String referralId) {
    if (actor.isCoordinator()) {
      return referrals.find(referralId).orElseThrow(() -> new Refusal.NotFound("Referral"));
    }
    return owned(actor, referralId);
  }

  private Referral owned(Actor officer, String referralId) {
    String agency = Officers.agencyOf(officer);
    return Refusal.visibleOrNotFound(referrals.find(referralId), r -> r.belongsTo(agency), "Referral");
  }

  private ReferralView view(Referral referral) {
    Instant now = clock.instant();
    return new ReferralView(referral, referral.stalledAt(now, properties.stalledAfter()), now);
  }
}
