package org.safebed.referral.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Test data mothers: synthetic units and referrals with sensible defaults. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  static final Duration TTL = Duration.ofHours(72);
  static final GeoPoint CENTRAL = new GeoPoint(48.8566, 2.3522);

  private Fixtures() {}

  static RentalUnit unit(String id, String region, Suitability... suitableFor) {
    return new RentalUnit(id, "agency-a", region, 1, 700, false, LocalDate.of(2026, 12, 1),
        suitableFor.length == 0 ? EnumSet.of(Suitability.YOUNG_ADULT) : EnumSet.of(suitableFor[0], suitableFor),
        UnitStatus.AVAILABLE, null, null);
  }

  static RentalUnit accessible(RentalUnit u) {
    return new RentalUnit(u.id(), u.agencyId(), u.region(), u.bedrooms(), u.monthlyRent(), true, u.availableFrom(),
        u.suitableFor(), u.status(), u.referralId(), u.reservedAt());
  }

  static RentalUnit withRent(RentalUnit u, int rent) {
    return new RentalUnit(u.id(), u.agencyId(), u.region(), u.bedrooms(), rent, u.accessible(), u.availableFrom(),
        u.suitableFor(), u.status(), u.referralId(), u.reservedAt());
  }

  static RentalUnit withStatus(RentalUnit u, UnitStatus status) {
    return new RentalUnit(u.id(), u.agencyId(), u.region(), u.bedrooms(), u.monthlyRent(), u.accessible(),
        u.availableFrom(), u.suitableFor(), status, u.referralId(), u.reservedAt());
  }

  static Referral referral(Set<Need> needs, List<String> regions) {
    return Referral.open("ref-1", "agency-a", "officer-1", "placement-1", Priority.NORMAL,
        needs, regions, SafetyConstraints.NONE, T0);
  }

  static Referral referral() {
    return referral(Set.of(Need.YOUNG_ADULT), List.of());
  }

  /** A point {@code km} kilometres north of {@code from}. */
  static GeoPoint north(GeoPoint from, double km) {
    return new GeoPoint(from.lat() + km / 111.195, from.lon());
  }
}
