package org.safebed.occupancy.domain;

import java.util.Collections;
import java.util.Set;

/** Whom a shelter can take in. */
public record Eligibility(
    int minAge,
    int maxAge,
    Set<Gender> genders,
    boolean acceptsAccompanyingChild,
    boolean accessible,
    Set<String> languages,
    Set<Specialism> specialisms) {

  public Eligibility {
    if (minAge < 0 || maxAge > 25 || minAge > maxAge) {
      throw new InvalidValueException("eligibility ages must satisfy 0 <= minAge <= maxAge <= 25");
    }
    if (genders == null || genders.isEmpty()) {
      throw new InvalidValueException("eligibility needs at least one gender");
    }
    genders = Set.copyOf(genders);
    languages = languages == null ? Set.of() : Set.copyOf(languages);
    specialisms = specialisms == null ? Set.of() : Set.copyOf(specialisms);
  }

  public boolean admits(Person person, Set<Need> needs) {
    return person.ageYears() >= minAge
        && person.ageYears() <= maxAge
        && genders.contains(person.gender())
        && needs.stream().allMatch(need -> need.coveredBy(this));
  }

  /**
   * Every hard rule of a request: age band, gender, needs (child, access, support), the specialisms
   * asked for, and a common language when she named any.
   */
  public boolean admits(PlacementRequest request) {
    return admits(request.person(), request.needs())
        && specialisms.containsAll(request.specialisms())
        && (request.languages().isEmpty() || !Collections.disjoint(languages, request.languages()));
  }
}
