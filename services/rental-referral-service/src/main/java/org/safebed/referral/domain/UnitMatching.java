package org.safebed.referral.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which units a referral may be offered, and in which order they fit best. Storage narrows the
 * candidates by indexed fields (agency, status, household); the safety rules and the ranking run
 * here on the remaining few, with exact locations that never leave this service.
 */
public final class UnitMatching {

  /**
   * Margins beyond this are all "far enough": ranking then prefers the resident's other wishes over
   * a few more kilometres from an exclusion zone.
   */
  static final double MARGIN_CAP_KM = 50;

  /** Margins are compared in bands, so that a few hundred metres do not override everything else. */
  static final double MARGIN_BAND_KM = 5;

  private UnitMatching() {}

  public static Optional<Ineligibility> check(LocatedUnit candidate, Set<Need> needs, SafetyConstraints safety) {
    RentalUnit unit = candidate.unit();
    if (!unit.isAvailable()) {
      return Optional.of(Ineligibility.NOT_AVAILABLE);
    }
    if (!unit.suitableFor().containsAll(households(needs))) {
      return Optional.of(Ineligibility.UNSUITABLE);
    }
    if (needs.contains(Need.ACCESSIBLE) && !unit.accessible()) {
      return Optional.of(Ineligibility.NOT_ACCESSIBLE);
    }
    if (safety.excludes(candidate.location())) {
      return Optional.of(Ineligibility.INSIDE_EXCLUSION_ZONE);
    }
    return Optional.empty();
  }

  /**
   * The eligible candidates, best first: preferred region (in the order the officer gave), then the
   * safety margin band, then keeping accessible units for residents who need them, then the least
   * over-qualified unit, the earliest availability, the lowest rent, and the id for a stable order.
   */
  public static List<UnitMatch> rank(
      List<LocatedUnit> candidates, Referral referral, SafetyConstraints safety, int limit) {
    Set<Need> needs = referral.needs();
    List<String> regions = referral.preferredRegions();
    Comparator<LocatedUnit> fit =
        Comparator.<LocatedUnit>comparingInt(c -> regionRank(regions, c.unit().region()))
            .thenComparingInt(c -> -marginBand(safety, c.location()))
            .thenComparingInt(c -> accessibilityCost(needs, c.unit()))
            .thenComparingInt(c -> extraSuitabilities(needs, c.unit()))
            .thenComparing(c -> c.unit().availableFrom())
            .thenComparingInt(c -> c.unit().monthlyRent())
            .thenComparing(c -> c.unit().id());
    List<LocatedUnit> eligible =
        candidates.stream()
            .filter(c -> check(c, needs, safety).isEmpty())
            .sorted(fit)
            .limit(limit)
            .toList();
    List<UnitMatch> matches = new ArrayList<>(eligible.size());
    for (int i = 0; i < eligible.size(); i++) {
      RentalUnit unit = eligible.get(i).unit();
      matches.add(new UnitMatch(i + 1, unit, regions.contains(unit.region())));
    }
    return matches;
  }

  public static Set<Suitability> households(Set<Need> needs) {
    return needs.stream()
        .map(Need::household)
        .flatMap(Optional::stream)
        .collect(Collectors.toSet());
  }

  static int regionRank(List<String> preferred, String region) {
    int index = preferred.indexOf(region);
    return index < 0 ? preferred.size() : index;
  }

  static int marginBand(SafetyConstraints safety, GeoPoint location) {
    double margin = Math.min(MARGIN_CAP_KM, safety.safetyMarginKm(location));
    return (int) Math.floor(margin / MARGIN_BAND_KM);
  }

  /** An accessible unit given to someone who does not need it is one fewer for someone who does. */
  static int accessibilityCost(Set<Need> needs, RentalUnit unit) {
    return unit.accessible() && !needs.contains(Need.ACCESSIBLE) ? 1 : 0;
  }

  static int extraSuitabilities(Set<Need> needs, RentalUnit unit) {
    Set<Suitability> wanted = households(needs);
    return (int) unit.suitableFor().stream().filter(s -> !wanted.contains(s)).count();
  }
}
