package org.safebed.referral.web;

import java.util.List;
import org.safebed.referral.application.RentalUnits;
import org.safebed.referral.domain.GeoPoint;
import org.safebed.referral.domain.Suitability;
import org.safebed.referral.web.api.RentalUnitsApi;
import org.safebed.referral.web.model.NewRentalUnit;
import org.safebed.referral.web.model.RentalUnit;
import org.safebed.referral.web.model.RentalUnitChange;
import org.safebed.referral.web.model.UnitStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rental units: housing officers of the owning agency only; no other role ever sees a unit here.
 * Coordinators may withdraw one (they answer for the whole stock), and see only that unit's answer.
 */
@RestController
@PreAuthorize("hasRole('HOUSING_OFFICER')")
public class RentalUnitController implements RentalUnitsApi {

  private final RentalUnits units;

  public RentalUnitController(RentalUnits units) {
    this.units = units;
  }

  @Override
  public ResponseEntity<RentalUnit> createRentalUnit(NewRentalUnit body) {
    var created =
        units.register(
            Actors.current(),
            new RentalUnits.NewUnit(
                body.getRegion(),
                new GeoPoint(body.getLocation().getLat(), body.getLocation().getLon()),
                body.getAddress(),
                body.getBedrooms(),
                body.getMonthlyRent(),
                body.getAccessible(),
                body.getAvailableFrom(),
                Representations.enums(body.getSuitableFor(), Suitability.class)));
    return ResponseEntity.status(HttpStatus.CREATED).body(Representations.unit(created));
  }

  @Override
  public ResponseEntity<List<RentalUnit>> listRentalUnits(UnitStatus status, String region, Integer limit) {
    var domainStatus = status == null ? null : org.safebed.referral.domain.UnitStatus.valueOf(status.name());
    return ResponseEntity.ok(
        units.list(Actors.current(), domainStatus, region, limit == null ? 100 : limit).stream()
            .map(Representations::unit)
            .toList());
  }

  @Override
  @PreAuthorize("hasAnyRole('HOUSING_OFFICER', 'COORDINATOR')")
  public ResponseEntity<RentalUnit> withdrawRentalUnit(String unitId) {
    return ResponseEntity.ok(Representations.unit(units.withdraw(Actors.current(), unitId)));
  }

  @Override
  public ResponseEntity<RentalUnit> updateRentalUnit(String unitId, RentalUnitChange body) {
    var changed =
        units.update(
            Actors.current(),
            unitId,
            new RentalUnits.UnitChange(
                body.getRegion(),
                body.getBedrooms(),
                body.getMonthlyRent(),
                body.getAccessible(),
                body.getAvailableFrom(),
                Representations.enums(body.getSuitableFor(), Suitability.class)));
    return ResponseEntity.ok(Representations.unit(changed));
  }

  @Override
  public ResponseEntity<RentalUnit> getRentalUnit(String unitId) {
    return ResponseEntity.ok(Representations.unit(units.get(Actors.current(), unitId)));
  }
}
