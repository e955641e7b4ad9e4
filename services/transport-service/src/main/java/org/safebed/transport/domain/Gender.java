package org.safebed.transport.domain;

public enum Gender {
  FEMALE,
  MALE,
  OTHER
}
