package org.safebed.transport.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.safebed.platform.web.security.Caller;
import org.safebed.transport.application.AccountLinks;
import org.safebed.transport.application.DriverRoster;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.Gender;
import org.safebed.transport.web.api.DriversApi;
import org.safebed.transport.web.model.AvailabilityDto;
import org.safebed.transport.web.model.DriverDto;
import org.safebed.transport.web.model.DriverRegistrationDto;
import org.safebed.transport.web.model.DriverUpdateDto;
import org.safebed.transport.web.model.MyDriverDto;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DriversController implements DriversApi {

  private final DriverRoster roster;
  private final AccountLinks links;
  private final CallingDriver caller;
  private final Clock clock;

  DriversController(DriverRoster roster, AccountLinks links, CallingDriver caller, Clock clock) {
    this.roster = roster;
    this.links = links;
    this.caller = caller;
    this.clock = clock;
  }

  @Override
  @PreAuthorize("hasRole('COORDINATOR')")
  public ResponseEntity<List<DriverDto>> listDrivers() {
    List<Driver> drivers = roster.all();
    Map<String, List<String>> linked = links.of(drivers.stream().map(Driver::accountSubject).toList());
    return ResponseEntity.ok(
        drivers.stream().map(d -> ApiViews.driver(d, linked.getOrDefault(d.accountSubject(), List.of()))).toList());
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
                ApiViews.windows(body.getDutyWindows()),
                accounts(body.getLinkedAccounts())));
    return ResponseEntity.created(URI.create("/api/transport/drivers/" + driver.id())).body(withLinks(driver));
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
                ApiViews.windows(body.getDutyWindows()),
                accounts(body.getLinkedAccounts())));
    return ResponseEntity.ok(withLinks(driver));
  }

  @Override
  @PreAuthorize("hasRole('COORDINATOR')")
  public ResponseEntity<DriverDto> retireDriver(String driverId) {
    return ResponseEntity.ok(withLinks(roster.retire(Caller.current().subject(), driverId)));
  }

  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<DriverDto> setMyAvailability(AvailabilityDto body) {
    return ResponseEntity.ok(withLinks(roster.setOnDuty(caller.subject(), body.getOnDuty())));
  }

  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<MyDriverDto> getMyDriver() {
    return ResponseEntity.ok(ApiViews.mine(roster.mine(caller.subject()), clock.instant()));
  }

  private static List<String> accounts(java.util.Collection<String> linked) {
    return linked == null ? null : List.copyOf(linked);
  }

  private DriverDto withLinks(Driver driver) {
    return ApiViews.driver(driver, links.of(driver.accountSubject()));
  }
}
