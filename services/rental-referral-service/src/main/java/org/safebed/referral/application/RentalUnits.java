package org.safebed.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.safebed.platform.refusal.Refusal;
import org.safebed.referral.domain.GeoPoint;
import org.safebed.referral.domain.RentalUnit;
import org.safebed.referral.domain.RentalUnitRepository;
import org.safebed.referral.domain.Suitability;
import org.safebed.referral.domain.UnitStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** An agency's rental units, for its own housing officers only. */
@Service
public class RentalUnits {

  private static final Logger log = LoggerFactory.getLogger(RentalUnits.class);

  private final RentalUnitRepository units;
  private final SealedReads sealedReads;
  private final Clock clock;

  public RentalUnits(RentalUnitRepository units, SealedReads sealedReads, Clock clock) {
    this.units = units;
    this.sealedReads = sealedReads;
    this.clock = clock;
  }

  /** The new unit's fields; the address and location are sealed before they are stored. */
  public record NewUnit(
      String region, GeoPoint location, String address, int bedrooms, int monthlyRent, boolean accessible,
      LocalDate availableFrom, Set<Suitability> suitableFor) {

    @Override
    public String toString() {
      return "NewUnit[" + region + "]"; // never the address or location
    }
  }

  public RentalUnit register(Actor officer, NewUnit unit) {
    String agency = Officers.agencyOf(officer);
    String id = "unit-" + UUID.randomUUID().toString().substring(0, 13);
    RentalUnit created =
        new RentalUnit(id, agency, unit.region(), unit.bedrooms(), unit.monthlyRent(), unit.accessible(),
            unit.availableFrom(), unit.suitableFor(), UnitStatus.AVAILABLE, null, null);
    units.insert(created, unit.location(), unit.address());
    sealedReads.unitSealed(officer, id);
    log.info("Rental unit {} registered for agency {}", id, agency);
    return created;
  }

  public List<RentalUnit> list(Actor officer, UnitStatus status, String region, int limit) {
    return units.list(Officers.agencyOf(officer), status, region, limit);
  }

  /**
   * Withdraws a unit from the stock for good, by a housing officer of its agency or a coordinator.
   * Only an AVAILABLE unit goes, in one conditional write, so an offer racing for the unit either
   * reserved it first (409 here) or finds it withdrawn. Audited either way.
   */
  public RentalUnit withdraw(Actor actor, String unitId) {
    RentalUnit unit = actor.isCoordinator()
        ? units.find(unitId).orElseThrow(() -> new Refusal.NotFound("Rental unit"))
        : get(actor, unitId);
    if (unit.status() == UnitStatus.WITHDRAWN) {
      return unit;
    }
    Instant now = clock.instant();
    if (!units.withdraw(unitId, now)) {
      sealedReads.unitWithdrawal(actor, unitId, false);
      throw new Refusal.Conflict("The unit is in use (offered or let) and cannot be withdrawn");
    }
    sealedReads.unitWithdrawal(actor, unitId, true);
    log.info("Rental unit {} withdrawn", unitId);
    return units.find(unitId).orElseThrow();
  }

  /** A unit's new description; its address and location stay sealed as registered. */
  public record UnitChange(
      String region, int bedrooms, int monthlyRent, boolean accessible, LocalDate availableFrom,
      Set<Suitability> suitableFor) {}

  /**
   * Changes an AVAILABLE unit of her agency, in one conditional write: an offer racing for the unit
   * either reserved it first (409 here) or is made on the changed unit, never on a half-changed one.
   */
  public RentalUnit update(Actor officer, String unitId, UnitChange change) {
    get(officer, unitId);
    boolean changed = units.describe(unitId, change.region(), change.bedrooms(), change.monthlyRent(),
        change.accessible(), change.availableFrom(), change.suitableFor(), clock.instant());
    if (!changed) {
      throw new Refusal.Conflict("Only an available unit can be changed (it is offered, let or withdrawn)");
    }
    log.info("Rental unit {} changed", unitId);
    return units.find(unitId).orElseThrow();
  }

  /** Another agency's unit answers as an unknown one. */
  public RentalUnit get(Actor officer, String unitId) {
    String agency = Officers.agencyOf(officer);
    return Refusal.visibleOrNotFound(units.find(unitId), unit -> unit.belongsTo(agency), "Rental unit");
  }
}
