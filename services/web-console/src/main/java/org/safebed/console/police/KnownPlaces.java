package org.safebed.console.police;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Areas the police of a deployment know exploitation networks work from, offered as exclusion
 * zones with one tap instead of typed coordinates. Configured per deployment (names in each
 * language, a centre and a radius), never learnt from placements: the list says nothing about any
 * case.
 *
 * @param places the areas, in the order the form lists them
 */
@ConfigurationProperties("safebed.console.known-places")
public record KnownPlaces(List<Place> places) {

  public KnownPlaces {
    places = places == null ? List.of() : List.copyOf(places);
  }

  /**
   * One area.
   *
   * @param id a stable code the form sends ({@code lille-centre})
   * @param names its name per language ({@code fr}, {@code nl}, {@code en}); French when hers is missing
   * @param lat the centre's latitude
   * @param lon the centre's longitude
   * @param radiusKm how far around the centre she must be kept away
   */
  public record Place(String id, Map<String, String> names, double lat, double lon, double radiusKm) {

    public String name(Locale locale) {
      Map<String, String> known = names == null ? Map.of() : names;
      return known.getOrDefault(locale.getLanguage(), known.getOrDefault("fr", id));
    }

    Map<String, Object> zone() {
      return Map.of("lat", lat, "lon", lon, "radiusKm", radiusKm);
    }
  }

  Optional<Place> find(String id) {
    return places.stream().filter(place -> place.id().equals(id)).findFirst();
  }
}
