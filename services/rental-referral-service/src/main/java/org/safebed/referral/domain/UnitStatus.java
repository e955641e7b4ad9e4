package org.safebed.referral.domain;

/**
 * A unit changes hands only AVAILABLE -> RESERVED (for one referral) -> LET, or back to AVAILABLE.
 * An AVAILABLE unit may be WITHDRAWN from the stock for good: matching and offers take only
 * AVAILABLE units, so a withdrawn one is never matched or offered again.
 */
public enum UnitStatus {
  AVAILABLE,
  RESERVED,
  LET,
  WITHDRAWN
}
