package org.safebed.occupancy.domain;

/** Support a shelter is staffed for beyond safe housing. */
public enum Specialism {
  ADDICTION,
  MENTAL_HEALTH,
  PREGNANCY,
  TRAFFICKING
}
