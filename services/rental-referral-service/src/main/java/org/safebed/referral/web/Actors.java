package org.safebed.referral.web;

import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.safebed.referral.application.Actor;

/** The current caller as the application sees it; the role is the one this service acts on. */
final class Actors {

  private Actors() {}

  static Actor current() {
    Caller caller = Caller.current();
    String role =
        caller.has(Role.HOUSING_OFFICER) ? Role.HOUSING_OFFICER.name()
            : caller.has(Role.COORDINATOR) ? Role.COORDINATOR.name()
            : caller.has(Role.SERVICE) ? Role.SERVICE.name()
            : "NONE";
    return new Actor(caller.subject(), role, caller.agencyId());
  }
}
