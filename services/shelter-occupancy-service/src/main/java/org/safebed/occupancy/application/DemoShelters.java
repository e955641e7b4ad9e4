package org.safebed.occupancy.application;

import java.util.List;
import java.util.Set;
import org.safebed.occupancy.application.ShelterAdministration.NewShelter;
import org.safebed.occupancy.domain.Eligibility;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Specialism;

/**
 * Synthetic demo shelters for the local stack: invented code names, streets and towns. Three
 * regions (north around Lille, central around Paris, south around Marseille) and varied
 * eligibility. The central minors' shelters are placed so that the demo request (a 14-year-old girl
 * found at 48.9362, 2.3574, exploiters around 48.95, 2.40 within 15 km) is refused the nearest one
 * (central-1, inside the zone) and gets central-2, about 25 km south-west, outside it.
 */
public final class DemoShelters {

  private DemoShelters() {}

  private static final Set<Gender> GIRLS = Set.of(Gender.FEMALE);
  private static final Set<Gender> ALL = Set.of(Gender.FEMALE, Gender.MALE, Gender.NON_BINARY);

  public static final List<NewShelter> ALL_SHELTERS = List.of(
      shelter("shelter-north-1", "Heron", "north", 50.632, 3.071, "12 Rue des Exemples, Synthville-Nord",
          new Eligibility(12, 17, GIRLS, false, false, Set.of("fr", "en"), Set.of()), 4),
      shelter("shelter-north-2", "Lark", "north", 50.581, 3.018, "7 Allee du Modele, Fictiveville",
          new Eligibility(18, 21, Set.of(Gender.FEMALE, Gender.NON_BINARY), true, false, Set.of("fr"), Set.of()), 3),
      shelter("shelter-north-3", "Wren", "north", 50.664, 3.122, "3 Impasse Imaginaire, Synthville-Est",
          new Eligibility(13, 17, ALL, false, false, Set.of("fr", "nl"), Set.of(Specialism.ADDICTION)), 5),
      shelter("shelter-central-1", "Kestrel", "central", 48.902, 2.418, "21 Rue du Prototype, Exempleville",
          new Eligibility(12, 17, GIRLS, false, false, Set.of("fr", "en", "ro"), Set.of()), 4),
      shelter("shelter-central-2", "Swift", "central", 48.752, 2.251, "9 Chemin des Essais, Bourg-Fictif",
          new Eligibility(12, 17, GIRLS, false, true, Set.of("fr", "en"), Set.of(Specialism.MENTAL_HEALTH)), 6),
      shelter("shelter-central-3", "Plover", "central", 48.841, 2.302, "44 Boulevard Hypothetique, Synthville",
          new Eligibility(18, 21, ALL, true, true, Set.of("fr", "ar"), Set.of()), 3),
      shelter("shelter-south-1", "Egret", "south", 43.312, 5.402, "5 Rue de l'Echantillon, Port-Fictif",
          new Eligibility(12, 17, ALL, false, false, Set.of("fr", "it"), Set.of(Specialism.MENTAL_HEALTH)), 4),
      shelter("shelter-south-2", "Tern", "south", 43.271, 5.384, "18 Quai du Simulacre, Port-Fictif",
          new Eligibility(18, 21, GIRLS, true, false, Set.of("fr", "es"), Set.of(Specialism.ADDICTION)), 5));

  private static NewShelter shelter(String id, String codeName, String region, double lat, double lon,
      String address, Eligibility eligibility, int beds) {
    return new NewShelter(id, codeName, region, new GeoPoint(lat, lon), address, eligibility, beds);
  }
}
