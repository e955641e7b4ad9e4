package org.safebed.occupancy.domain;

/**
 * Her age as a shelter may learn it before she arrives: bands wide enough that, with gender and
 * needs, they do not single her out. Minors in two-year bands (rooms and safeguarding are arranged
 * that way), young adults in one band, and under-twelves together.
 */
public enum AgeBand {
  UNDER_12(0, 11),
  AGE_12_13(12, 13),
  AGE_14_15(14, 15),
  AGE_16_17(16, 17),
  AGE_18_25(18, 25);

  private final int from;
  private final int to;

  AgeBand(int from, int to) {
    this.from = from;
    this.to = to;
  }

  public static AgeBand of(int ageYears) {
    for (AgeBand band : values()) {
      if (ageYears >= band.from && ageYears <= band.to) {
        return band;
      }
    }
    throw new InvalidValueException("age must be within [0, 25]");
  }
}
