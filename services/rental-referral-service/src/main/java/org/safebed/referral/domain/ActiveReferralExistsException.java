package org.safebed.referral.domain;

/** A placement has at most one active referral: one resident, one search, at most one held unit. */
public class ActiveReferralExistsException extends RuntimeException {
  public ActiveReferralExistsException() {
    super("the resident already has an active referral", null, false, false);
  }
}
