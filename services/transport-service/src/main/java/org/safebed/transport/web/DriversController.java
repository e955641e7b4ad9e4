package org.safebed.transport.web;

import java.net.URI;
import java.util.List;
import org.safebed.platform.web.security.Caller;
import org.safebed.transport.application.DriverRoster;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.Gender;
import org.safebed.transport.web.api.DriversApi;
import org.safebed.transport.web.model.AvailabilityDto;
import org.safebed.transport.web.model.DriverDto;
import org.safebed.transport.web.model.DriverRegistrationDto;
import org.safebed.transport.web.model.DriverUpdateDto;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DriversController implements DriversApi {

  private final DriverRoster roster;

  DriversController(DriverRoster roster) {
    this.roster = roster;
  }

  @Override
  @PreAuthorize("hasRole('COORDINATOR')")
  public ResponseEntity<List<DriverDto>> listDrivers() {
    return ResponseEntity.ok(roster.all().stream().map(ApiViews::driver).toList());
  }

  @Override
  @PreAuthorize("hasRole('COORDINATOR')")
  public ResponseEntity<DriverDto> registerDriver(DriverRegistrationDto body) {
    Driver driver =
        roster.register(
            new DriverRoster.Registration(
                body.getAccountSubject(),
                body.getVetted(),
                Gender.valueOf(body.getGender().name()),
                body.getLanguages(),
                body.getCanEscortMinors(),
                ApiViews.point(body.getBase()),
                Boolean.TRUE.equals(body.getOnDuty()),
                ApiViews.windows(body.getDutyWindows())));
    return ResponseEntity.created(URI.create("/api/transport/drivers/" + driver.id())).body(ApiViews.driver(driver));
  }

  @Override
  @PreAuthorize("hasRole('COORDINATOR')")
  public ResponseEntity<DriverDto> updateDriver(String driverId, DriverUpdateDto body) {
    Driver driver =
        roster.update(
            driverId,
            new DriverRoster.Profile(
                body.getVetted(),
                Gender.valueOf(body.getGender().name()),
                body.getLanguages(),
                body.getCanEscortMinors(),
                ApiViews.point(body.getBase()),
                ApiViews.windows(body.getDutyWindows())));
    return ResponseEntity.ok(ApiViews.driver(driver));
  }

  @Override
  @PreAuthorize("hasRole('COORDINATOR')")
  public ResponseEntity<DriverDto> retireDriver(String driverId) {
    return ResponseEntity.ok(ApiViews.driver(roster.retire(Caller.current().subject(), driverId)));
  }

  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<DriverDto> setMyAvailability(AvailabilityDto body) {
    return ResponseEntity.ok(ApiViews.driver(roster.setOnDuty(Caller.current().subject(), body.getOnDuty())));
  }
}
