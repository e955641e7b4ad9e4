package org.safebed.referral.config;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.safebed.referral.domain.GeoPoint;
import org.safebed.referral.domain.RentalUnit;
import org.safebed.referral.domain.RentalUnitRepository;
import org.safebed.referral.domain.Suitability;
import org.safebed.referral.domain.UnitStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Synthetic rental units for the local stack (never in production): fixed ids, inserted only when
 * absent, so a restart keeps their reservations. Streets are invented.
 */
@Component
@ConditionalOnProperty(name = "safebed.demo-data.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

  public static final String AGENCY = "agency-demo-housing";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final RentalUnitRepository units;

  public DemoData(RentalUnitRepository units) {
    this.units = units;
  }

  record DemoUnit(RentalUnit unit, GeoPoint location, String address) {}

  static List<DemoUnit> units() {
    LocalDate from = LocalDate.of(2026, 11, 1);
    return List.of(
        unit("unit-north-1", "north", 50.6300, 3.0600, "12 Rue des Tilleuls Imaginaires, Lille-Demo", 1, 520, false,
            from, EnumSet.of(Suitability.YOUNG_ADULT)),
        unit("unit-central-1", "central", 48.8580, 2.3500, "4 Allee du Cerf-Volant Fictif, Paris-Demo", 2, 890, true,
            from, EnumSet.of(Suitability.YOUNG_ADULT, Suitability.WITH_CHILD)),
        unit("unit-central-2", "central", 48.8720, 2.3350, "27 Passage des Lanternes Inventees, Paris-Demo", 1, 760, false,
            from.plusDays(14), EnumSet.of(Suitability.YOUNG_ADULT, Suitability.MINOR_WITH_GUARDIAN)),
        unit("unit-south-1", "south", 43.2980, 5.3700, "8 Montee des Calanques Revees, Marseille-Demo", 2, 640, false,
            from, EnumSet.of(Suitability.WITH_CHILD, Suitability.MINOR_WITH_GUARDIAN)));
  }

  private static DemoUnit unit(
      String id, String region, double lat, double lon, String address, int bedrooms, int rent, boolean accessible,
      LocalDate from, EnumSet<Suitability> suitableFor) {
    return new DemoUnit(
        new RentalUnit(id, AGENCY, region, bedrooms, rent, accessible, from, suitableFor, UnitStatus.AVAILABLE, null, null),
        new GeoPoint(lat, lon),
        address);
  }

  @Override
  public void run(ApplicationArguments args) {
    int added = 0;
    for (DemoUnit demo : units()) {
      if (units.insertIfAbsent(demo.unit(), demo.location(), demo.address())) {
        added++;
      }
    }
    log.info("Demo data: {} rental units added for {}", added, AGENCY);
  }
}
