package org.safebed.occupancy.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What police ask for: who needs a bed (coarse facts only), what she needs, where she is now, and
 * where she must not be placed.
 */
public record PlacementRequest(
    Person person, Set<Need> needs, GeoPoint location, List<ExclusionZone> exclusionZones) {

  public PlacementRequest {
    if (person == null || location == null) {
      throw new InvalidValueException("a placement request needs a person and a location");
    }
    needs = needs == null ? Set.of() : Set.copyOf(needs);
    exclusionZones = exclusionZones == null ? List.of() : List.copyOf(exclusionZones);
  }

  public boolean excludes(GeoPoint point) {
    return exclusionZones.stream().anyMatch(zone -> zone.contains(point));
  }

  /**
   * A text that is equal for two requests exactly when they ask for the same thing (order of needs
   * and zones does not matter): the basis of the idempotency fingerprint.
   */
  public String canonicalForm() {
    String sortedNeeds = needs.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    String zones =
        exclusionZones.stream()
            .sorted(Comparator.comparingDouble((ExclusionZone z) -> z.centre().lat())
                .thenComparingDouble(z -> z.centre().lon())
                .thenComparingDouble(ExclusionZone::radiusKm))
            .map(z -> z.centre().lat() + "," + z.centre().lon() + "," + z.radiusKm())
            .collect(Collectors.joining(";"));
    return "age=" + person.ageYears()
        + "|gender=" + person.gender()
        + "|needs=" + sortedNeeds
        + "|location=" + location.lat() + "," + location.lon()
        + "|zones=" + zones;
  }
}
