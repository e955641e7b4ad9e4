package org.safebed.referral.domain;

public enum DeclineReason {
  TOO_FAR,
  UNSAFE_AREA,
  TOO_EXPENSIVE,
  NOT_ACCESSIBLE,
  OTHER
}
