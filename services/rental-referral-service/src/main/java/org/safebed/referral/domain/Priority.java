package org.safebed.referral.domain;

public enum Priority {
  NORMAL,
  HIGH
}
