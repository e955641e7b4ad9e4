package org.safebed.referral.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Storage of rental units. A unit changes hands only through {@link #reserve}, {@link #release} and
 * {@link #let}: each one conditional single-document write on the expected status (and referral).
 * Exact locations and addresses are sealed; callers audit every unsealing read.
 */
public interface RentalUnitRepository {

  void insert(RentalUnit unit, GeoPoint location, String address);

  /** Inserts the unit unless one with its id exists (idempotent seeding). */
  boolean insertIfAbsent(RentalUnit unit, GeoPoint location, String address);

  Optional<RentalUnit> find(String id);

  List<RentalUnit> list(String agencyId, UnitStatus status, String region, int limit);

  /** Available units of the agency suiting every household and accessible when asked. */
  List<RentalUnit> availableCandidates(String agencyId, Set<Suitability> households, boolean accessibleOnly, int limit);

  Map<String, GeoPoint> locationsOf(Collection<String> unitIds);

  Optional<String> addressOf(String unitId);

  /** AVAILABLE -> RESERVED for the referral; false when the unit is not (or no longer) available. */
  boolean reserve(String unitId, String agencyId, String referralId, Instant at);

  /** RESERVED for this referral -> AVAILABLE; false when it is not reserved for it. */
  boolean release(String unitId, String referralId, Instant at);

  /** AVAILABLE -> WITHDRAWN; false when the unit is not (or no longer) available. */
  boolean withdraw(String unitId, Instant at);

  /** Replaces the description of an AVAILABLE unit; false (nothing changed) when it is not available. */
  boolean describe(String unitId, String region, int bedrooms, int monthlyRent, boolean accessible,
      java.time.LocalDate availableFrom, Set<Suitability> suitableFor, Instant at);

  /** RESERVED for this referral -> LET; false when it is not reserved for it. */
  boolean let(String unitId, String referralId, String tenantCaseToken, Instant at);

  /**
   * The coarse areas ({@link GeoPoint#area}) where the tenants with these case tokens live, of one
   * agency's units or (null) of all: no one who must be kept apart from them may be housed near.
   * Areas, not homes: a refusal that depended on an exact home would let an officer bisect it with
   * units of her own.
   */
  List<GeoPoint> homeAreasOfTenants(Collection<String> caseTokens, String agencyId);

  /** Units reserved before the cutoff: the reconciler checks a referral holds each. */
  List<RentalUnit> reservedBefore(Instant cutoff, int limit);
}
