package org.safebed.occupancy.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What police ask for: who needs a bed (coarse facts only), what she needs, where she is now, and
 * where and with whom she must not be placed.
 *
 * @param specialisms specialisms the shelter must have, besides those her needs imply
 * @param languages languages she speaks; when any are given the shelter must speak one of them
 * @param keepApart opaque tokens (keyed hashes of case references) of people she must be kept apart
 *     from; the domain only compares them
 * @param maxTravelMinutes the longest acceptable drive, null for the service's search radius only
 * @param escortGender the gender she asks her driver/escort to be, null for no preference (transport's
 *     rule; matching does not use it)
 */
public record PlacementRequest(
    Person person,
    Set<Need> needs,
    GeoPoint location,
    List<ExclusionZone> exclusionZones,
    Set<Specialism> specialisms,
    Set<String> languages,
    Set<String> keepApart,
    Integer maxTravelMinutes,
    Urgency urgency,
    EscortGender escortGender) {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  public static final int MAX_TRAVEL_MINUTES = 1440;

  public PlacementRequest {
    if (person == null || location == null) {
      throw new InvalidValueException("a placement request needs a person and a location");
    }
    needs = copyOf(needs, "needs");
    exclusionZones = exclusionZones == null ? List.of() : List.copyOf(exclusionZones);
    specialisms = copyOf(specialisms, "specialisms");
    languages = copyOf(languages, "languages");
    keepApart = copyOf(keepApart, "keep-apart references");
    if (!languages.stream().allMatch(language -> LANGUAGE.matcher(language).matches())) {
      throw new InvalidValueException("languages are two-letter ISO 639-1 codes");
    }
    if (keepApart.stream().anyMatch(String::isBlank)) {
      throw new InvalidValueException("keep-apart references must not be empty");
    }
    if (maxTravelMinutes != null && (maxTravelMinutes < 1 || maxTravelMinutes > MAX_TRAVEL_MINUTES)) {
      throw new InvalidValueException("maxTravelMinutes must be within [1, 1440]");
    }
    urgency = urgency == null ? Urgency.NORMAL : urgency;
  }

  public PlacementRequest(Person person, Set<Need> needs, GeoPoint location, List<ExclusionZone> exclusionZones) {
    this(person, needs, location, exclusionZones, Set.of(), Set.of(), Set.of(), null, Urgency.NORMAL, null);
  }

  /** {@code Set.copyOf} would throw a bare NPE on a null item; an empty list item is a caller's error. */
  private static <T> Set<T> copyOf(Set<T> values, String what) {
    if (values == null) {
      return Set.of();
    }
    if (values.stream().anyMatch(java.util.Objects::isNull)) {
      throw new InvalidValueException(what + " must not contain empty items");
    }
    return Set.copyOf(values);
  }

  /** Where she is, as coarse as transport learns it (bed-held): what may leave this service. */
  public GeoPoint pickupArea() {
    return location.roundedTo(PlacementEvent.PICKUP_AREA_STEP_DEGREES);
  }

  public boolean excludes(GeoPoint point) {
    return exclusionZones.stream().anyMatch(zone -> zone.contains(point));
  }

  /** The same request with keep-apart tokens (computed from case references outside the domain). */
  public PlacementRequest withKeepApart(Set<String> tokens) {
    return new PlacementRequest(person, needs, location, exclusionZones, specialisms, languages, tokens,
        maxTravelMinutes, urgency, escortGender);
  }

  /** The same person and constraints, from another place and with another urgency (relocation). */
  public PlacementRequest relocated(GeoPoint from, Urgency newUrgency) {
    return new PlacementRequest(person, needs, from, exclusionZones, specialisms, languages, keepApart,
        maxTravelMinutes, newUrgency, escortGender);
  }

  /**
   * A text that is equal for two requests exactly when they ask for the same thing (order of needs
   * and zones does not matter): the basis of the idempotency fingerprint. Fields added later appear
   * only when used, so fingerprints of older requests stay as they were.
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
    StringBuilder form = new StringBuilder("age=" + person.ageYears()
        + "|gender=" + person.gender()
        + "|needs=" + sortedNeeds
        + "|location=" + location.lat() + "," + location.lon()
        + "|zones=" + zones);
    if (!specialisms.isEmpty()) {
      form.append("|specialisms=").append(specialisms.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    }
    if (!languages.isEmpty()) {
      form.append("|languages=").append(languages.stream().sorted().collect(Collectors.joining(",")));
    }
    if (!keepApart.isEmpty()) {
      form.append("|keepApart=").append(keepApart.stream().sorted().collect(Collectors.joining(",")));
    }
    if (maxTravelMinutes != null) {
      form.append("|maxTravel=").append(maxTravelMinutes);
    }
    if (urgency != Urgency.NORMAL) {
      form.append("|urgency=").append(urgency);
    }
    if (escortGender != null) {
      form.append("|escortGender=").append(escortGender);
    }
    return form.toString();
  }
}
