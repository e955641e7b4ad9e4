package org.safebed.transport.config;

import java.util.Map;
import java.util.Set;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.DriverAccounts;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.Gender;
import org.safebed.transport.domain.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Synthetic demo drivers for the local stack, one per region, upserted by fixed ids at start-up.
 * Their duty and current job are left as they are on a restart. {@code demo-driver} is the central
 * one, where the demo's placements are. The demo people {@code driver}, {@code driver-2} and
 * {@code driver-3} (console sign-ins) are linked to them: the same drivers, jobs and duty.
 */
@Component
@ConditionalOnBooleanProperty("safebed.demo-data.enabled")
@DependsOn("indexes") // the unique account index must exist before the upserts
class DemoDrivers implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(DemoDrivers.class);

  static final Driver NORTH = demo("drv-demo-north", "demo-driver-2", Gender.MALE, Set.of("fr", "nl", "en"), 50.63, 3.06);
  static final Driver CENTRAL = demo("drv-demo-central", "demo-driver", Gender.FEMALE, Set.of("fr", "en"), 48.86, 2.35);
  static final Driver SOUTH = demo("drv-demo-south", "demo-driver-3", Gender.FEMALE, Set.of("fr", "it"), 43.30, 5.37);

  /** The demo people who drive: each signs in as herself and is the driver of the same demo account. */
  static final Map<String, String> PEOPLE =
      Map.of("driver", "demo-driver", "driver-2", "demo-driver-2", "driver-3", "demo-driver-3");

  private final Drivers drivers;
  private final DriverAccounts accounts;

  DemoDrivers(Drivers drivers, DriverAccounts accounts) {
    this.drivers = drivers;
    this.accounts = accounts;
  }

  @Override
  public void afterPropertiesSet() {
    for (Driver driver : new Driver[] {NORTH, CENTRAL, SOUTH}) {
      try {
        drivers.upsertProfile(driver);
      } catch (RuntimeException e) {
        // e.g. a coordinator registered another profile for the same demo account
        log.warn("Demo driver {} not seeded: {}", driver.id(), e.getClass().getSimpleName());
      }
    }
    PEOPLE.forEach((person, driver) -> {
      if (!accounts.link(person, driver)) {
        log.warn("A demo person not linked to her demo driver: her account is already another driver's");
      }
    });
    log.info("Demo drivers seeded");
  }

  private static Driver demo(String id, String subject, Gender gender, Set<String> languages, double lat, double lon) {
    return new Driver(id, subject, true, gender, languages, true, new GeoPoint(lat, lon), true, null, null);
  }
}
