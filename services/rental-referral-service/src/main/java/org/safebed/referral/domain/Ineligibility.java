package org.safebed.referral.domain;

/** Why a unit may not be offered to a referral. */
public enum Ineligibility {
  NOT_AVAILABLE("the unit is not available"),
  UNSUITABLE("the unit does not suit the resident's household"),
  NOT_ACCESSIBLE("the resident needs an accessible unit"),
  INSIDE_EXCLUSION_ZONE("the unit lies inside one of the resident's exclusion zones");

  private final String detail;

  Ineligibility(String detail) {
    this.detail = detail;
  }

  public String detail() {
    return detail;
  }
}
