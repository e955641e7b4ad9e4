package org.safebed.occupancy.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.safebed.occupancy.application.OccupancyStatistics.Count;
import org.safebed.occupancy.application.OccupancyStatistics.RegionOccupancy;
import org.springframework.stereotype.Component;

/**
 * {@code safebed.beds{region, state}}: each region's beds in service, held, occupied and available,
 * as the on-call dashboard draws them. The same figures as the coordinators' statistics, with the
 * same suppression: a cell small enough to point at a girl (or to be worked out from the others)
 * has no value (NaN) rather than its count. Labels are the region (a coarse area, a short list) and
 * the state; never a shelter. Refreshed by {@link #refresh()} on the service's schedule, not on
 * each scrape.
 */
@Component
public class BedGauges implements MeterBinder {

  public static final String NAME = "safebed.beds";

  private final OccupancyStatistics statistics;
  private MultiGauge gauge;

  public BedGauges(OccupancyStatistics statistics) {
    this.statistics = statistics;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge = MultiGauge.builder(NAME)
        .description("Beds by region and state; NaN where the count is suppressed as too small to publish")
        .baseUnit("beds")
        .register(registry);
    refresh();
  }

  /** Reads the regions' beds again; a region that no longer has any shelter disappears. */
  public int refresh() {
    if (gauge == null) {
      return 0;
    }
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (RegionOccupancy region : statistics.occupancyByRegion()) {
      rows.add(row(region, "in_service", RegionOccupancy::inServiceBeds));
      rows.add(row(region, "held", RegionOccupancy::held));
      rows.add(row(region, "occupied", RegionOccupancy::occupied));
      rows.add(row(region, "available", RegionOccupancy::available));
    }
    gauge.register(rows, true);
    return rows.size();
  }

  private static MultiGauge.Row<?> row(RegionOccupancy region, String state, Function<RegionOccupancy, Count> cell) {
    Count count = cell.apply(region);
    double value = count.suppressed() || count.value() == null ? Double.NaN : count.value();
    return MultiGauge.Row.of(Tags.of("region", region.region(), "state", state), value);
  }
}
