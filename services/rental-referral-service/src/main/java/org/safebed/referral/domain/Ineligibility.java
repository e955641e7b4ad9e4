package org.safebed.referral.domain;

/** Why a unit may not be offered to a referral. */
public enum Ineligibility {
  NOT_AVAILABLE("the unit is not available"),
  UNSUITABLE("the unit does not suit the resident's household"),
  NOT_ACCESSIBLE("the resident needs an accessible unit"),
  // Zones and keep-apart rules are refused alike: the answer must not say which rule it was.
  INSIDE_EXCLUSION_ZONE("the unit lies too close to a place or a person the resident must be kept away from");

  private final String detail;

  Ineligibility(String detail) {
    this.detail = detail;
  }

  public String detail() {
    return detail;
  }
}
