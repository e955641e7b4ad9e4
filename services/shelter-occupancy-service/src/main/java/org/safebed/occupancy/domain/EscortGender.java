package org.safebed.occupancy.domain;

/** The gender she asks her driver/escort to be; transport never sends someone of another. */
public enum EscortGender {
  FEMALE,
  MALE
}
