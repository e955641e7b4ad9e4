package org.safebed.referral.domain;

import java.util.Optional;

/** What the resident's home must provide: a household type the unit suits, or step-free access. */
public enum Need {
  YOUNG_ADULT(Suitability.YOUNG_ADULT),
  WITH_CHILD(Suitability.WITH_CHILD),
  MINOR_WITH_GUARDIAN(Suitability.MINOR_WITH_GUARDIAN),
  ACCESSIBLE(null);

  private final Suitability household;

  Need(Suitability household) {
    this.household = household;
  }

  /** The unit suitability this need requires, if it is a household need. */
  public Optional<Suitability> household() {
    return Optional.ofNullable(household);
  }
}
