package org.safebed.occupancy.domain;

/**
 * Why a bed is out of service, as a code: a free-text note could carry a resident's or a worker's
 * name, a code cannot.
 */
public enum OutOfServiceReason {
  MAINTENANCE,
  CLEANING,
  DAMAGED,
  SAFETY,
  STAFFING,
  OTHER
}
