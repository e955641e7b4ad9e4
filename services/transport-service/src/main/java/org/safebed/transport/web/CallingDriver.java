package org.safebed.transport.web;

import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.safebed.transport.application.AccountLinks;
import org.springframework.stereotype.Component;

/**
 * The caller as the driver record her account is. A person may sign in with her own account,
 * linked to the driver's one; from here on every use case sees the driver's own account only.
 */
@Component
class CallingDriver {

  private final AccountLinks links;

  CallingDriver(AccountLinks links) {
    this.links = links;
  }

  /** The current caller, with a driver's linked account replaced by the driver's own. */
  Caller caller() {
    Caller caller = Caller.current();
    if (!caller.has(Role.DRIVER)) {
      return caller;
    }
    String driver = links.driverSubjectOf(caller.subject());
    return driver.equals(caller.subject())
        ? caller
        : new Caller(driver, caller.roles(), caller.shelterIds(), caller.agencyId());
  }

  /** The driver's own account of the calling driver. */
  String subject() {
    return caller().subject();
  }
}
