package org.safebed.referral.domain;

/** A unit changes hands only AVAILABLE -> RESERVED (for one referral) -> LET, or back to AVAILABLE. */
public enum UnitStatus {
  AVAILABLE,
  RESERVED,
  LET
}
