package org.safebed.transport.domain;

import java.util.Set;

/**
 * What the person needs of whoever drives her. Two rules that are never bent to find someone (a
 * minor only with a driver who may escort minors; the escort gender she asked for, if any) and one
 * preference (a driver she can talk to).
 *
 * @param escortGender the gender she asked her escort to be; null: no preference
 * @param languages the languages she speaks (ISO 639-1, lower case); empty: no requirement
 */
public record EscortNeeds(boolean minor, Gender escortGender, Set<String> languages) {

  public EscortNeeds {
    languages = languages == null ? Set.of() : Set.copyOf(languages);
  }

  /** Only the minor rule: nothing else was asked. */
  public static EscortNeeds of(boolean minor) {
    return new EscortNeeds(minor, null, Set.of());
  }

  /** The same needs for a passenger who may be a minor (her age is not known any more). */
  public EscortNeeds assumingMinor() {
    return new EscortNeeds(true, escortGender, languages);
  }

  /** The rules: may this driver escort her at all? */
  public boolean allow(Driver driver) {
    return (!minor || driver.canEscortMinors()) && (escortGender == null || escortGender == driver.gender());
  }

  /** The preference: does the driver speak one of her languages? */
  public boolean sharesALanguageWith(Driver driver) {
    return languages.stream().anyMatch(driver.languages()::contains);
  }
}
