package org.safebed.referral.domain;

/** The households a rental unit suits. */
public enum Suitability {
  YOUNG_ADULT,
  WITH_CHILD,
  MINOR_WITH_GUARDIAN
}
