package org.safebed.referral.application;

import org.safebed.platform.refusal.Refusal;


/** Housing officers act for their agency; a token without one may do nothing here. */
final class Officers {

  private Officers() {}

  static String agencyOf(Actor officer) {
    if (officer.agencyId() == null || officer.agencyId().isBlank()) {
      throw new Refusal.NotAllowed("Your token names no housing agency");
    }
    return officer.agencyId();
  }
}
