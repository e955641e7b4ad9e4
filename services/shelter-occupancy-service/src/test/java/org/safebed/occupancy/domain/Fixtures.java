package org.safebed.occupancy.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Synthetic test data for the domain ("object mother"). */
public final class Fixtures {

  private Fixtures() {}

  public static final Instant T0 = Instant.parse("2026-11-22T18:00:00Z");

  public static final Eligibility MINOR_GIRLS =
      new Eligibility(12, 17, Set.of(Gender.FEMALE), false, false, Set.of("fr"), Set.of());

  public static Shelter shelter(String id, GeoPoint location, Eligibility eligibility) {
    return new Shelter(id, "Code-" + id, "region-x", ShelterStatus.OPEN, eligibility,
        location.roundedTo(Shelter.AREA_STEP_DEGREES), "sealed-location", "sealed-address", 3);
  }

  public static Shelter candidate(String id, GeoPoint location, Eligibility eligibility) {
    return shelter(id, location, eligibility);
  }

  public static PlacementRequest girlOf14At(GeoPoint where, ExclusionZone... zones) {
    return new PlacementRequest(new Person(14, Gender.FEMALE), Set.of(), where, List.of(zones));
  }

  public static Placement pending(PlacementRequest request) {
    return Placement.requested("p-1", "police-a", request, "sealed-ref", "key-1", "fp-1", T0);
  }

  public static Placement held(Instant expiresAt) {
    Placement pending = pending(girlOf14At(new GeoPoint(48.9362, 2.3574)));
    return pending.holdBed(shelter("s-1", new GeoPoint(48.752, 2.251), MINOR_GIRLS), "s-1-bed-1", expiresAt, T0)
        .placement();
  }
}
