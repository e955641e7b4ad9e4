package org.safebed.transport.domain;

/** What a job moves her for. */
public enum JobKind {
  /** From where police found her to the shelter bed held for her. */
  PICKUP,
  /** From the shelter to her rental home at move-in (booked from {@code referral.tenancy-started.v1}). */
  MOVE
}
