package org.safebed.occupancy.domain;

/** The facts about the person that matching needs; nothing that identifies her. */
public record Person(int ageYears, Gender gender) {

  public static final int AGE_OF_MAJORITY = 18;

  public Person {
    if (ageYears < 0 || ageYears > 25) {
      throw new InvalidValueException("age must be within [0, 25]");
    }
    if (gender == null) {
      throw new InvalidValueException("gender is required");
    }
  }

  public boolean isMinor() {
    return ageYears < AGE_OF_MAJORITY;
  }
}
