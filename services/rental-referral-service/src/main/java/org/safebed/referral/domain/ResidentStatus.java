package org.safebed.referral.domain;

/** Monotonic: once checked out, a placement never becomes checked in again. */
public enum ResidentStatus {
  CHECKED_IN,
  CHECKED_OUT
}
