package org.safebed.occupancy.domain;

public enum Gender {
  FEMALE,
  MALE,
  NON_BINARY
}
