package org.safebed.transport.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Test data for jobs and drivers (all synthetic). */
public final class Jobs {

  public static final Instant T0 = Instant.parse("2026-11-22T18:00:00Z");
  public static final GeoPoint PARIS_PICKUP = new GeoPoint(48.86, 2.35);
  public static final GeoPoint PARIS_SHELTER_AREA = new GeoPoint(48.85, 2.40);

  private Jobs() {}

  public static TransportJob pending(String placementId, boolean minor) {
    return pending(placementId, EscortNeeds.of(minor));
  }

  /** The first pick-up of a placement, held at {@link #T0} by the event {@code held-<placementId>}. */
  public static TransportJob pending(String placementId, EscortNeeds escort) {
    return TransportJob.pickup(
        TransportJob.idFor(placementId), placementId, "held-" + placementId, T0, "shelter-alpha", "central",
        escort, PARIS_PICKUP, PARIS_SHELTER_AREA, T0.plus(Duration.ofMinutes(45)), T0);
  }

  public static Driver driver(String id, double lat, double lon, boolean escortsMinors) {
    return driver(id, lat, lon, escortsMinors, Gender.FEMALE, Set.of("fr"));
  }

  public static Driver driver(
      String id, double lat, double lon, boolean escortsMinors, Gender gender, Set<String> languages) {
    return new Driver(
        id, "acct-" + id, true, gender, languages, escortsMinors, new GeoPoint(lat, lon), true, null, null);
  }

  public static TransportJob offered(String placementId, Driver driver) {
    TransportJob job = pending(placementId, false);
    job.offerTo(driver, new TravelTime(20, EtaSource.ROUTING), T0, Duration.ofMinutes(2));
    return job;
  }
}
