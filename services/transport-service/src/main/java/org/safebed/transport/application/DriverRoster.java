package org.safebed.transport.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.Gender;
import org.safebed.transport.domain.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Coordinators register drivers; drivers say when they are on duty. A driver who is (or comes) on
 * duty is offered the unassigned jobs they fit at once.
 */
@Service
public class DriverRoster {

  private static final Logger log = LoggerFactory.getLogger(DriverRoster.class);
  static final int LIMIT = 1000;

  private final Drivers drivers;
  private final UnassignedJobs unassigned;

  public DriverRoster(Drivers drivers, UnassignedJobs unassigned) {
    this.drivers = drivers;
    this.unassigned = unassigned;
  }

  /** A new driver profile. */
  public record Registration(
      String accountSubject,
      boolean vetted,
      Gender gender,
      Set<String> languages,
      boolean canEscortMinors,
      GeoPoint base,
      boolean onDuty) {}

  public Driver register(Registration registration) {
    Driver driver =
        new Driver(
            "drv-" + UUID.randomUUID(), registration.accountSubject(), registration.vetted(),
            registration.gender(), registration.languages(), registration.canEscortMinors(),
            registration.base(), registration.onDuty(), null, null);
    if (!drivers.register(driver)) {
      throw ApiException.conflict("This account already has a driver profile");
    }
    log.info("Driver {} registered", driver.id());
    if (!driver.onDuty()) {
      return driver;
    }
    unassigned.driverMayBeFree(driver.id());
    return drivers.find(driver.id()).orElse(driver);
  }

  public List<Driver> all() {
    return drivers.all(LIMIT);
  }

  /** Off duty means no new offers; a job already held is finished as usual. */
  public Driver setOnDuty(String accountSubject, boolean onDuty) {
    Driver driver =
        drivers.setOnDuty(accountSubject, onDuty).orElseThrow(() -> ApiException.notFound("Driver profile"));
    log.info("Driver {} is now {}", driver.id(), onDuty ? "on duty" : "off duty");
    if (!onDuty) {
      return driver;
    }
    unassigned.driverMayBeFree(driver.id());
    return drivers.find(driver.id()).orElse(driver);
  }
}
