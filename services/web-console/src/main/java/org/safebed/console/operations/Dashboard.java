package org.safebed.console.operations;

import java.util.List;
import java.util.Locale;
import org.safebed.console.services.model.Statistics;
import org.safebed.console.services.model.Statistics.RegionOccupancy;
import org.springframework.context.MessageSource;

/**
 * The dashboard's three charts, built from occupancy's statistics and transport's failures with
 * the person's words for their labels. Only what the services gave is drawn: a suppressed count
 * stays empty here, and the table beside each chart says "fewer than N" for it.
 */
public final class Dashboard {

  private final MessageSource messages;
  private final Locale locale;

  Dashboard(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  Chart occupancy(Statistics statistics) {
    List<RegionOccupancy> regions = statistics.occupancyByRegion();
    return new Chart(
        regions.stream().map(region -> region(region.region())).toList(),
        List.of(
            series("operations.in-service", regions.stream().map(r -> shown(r.inServiceBeds())).toList()),
            series("beds.held", regions.stream().map(r -> shown(r.held())).toList()),
            series("beds.occupied", regions.stream().map(r -> shown(r.occupied())).toList()),
            series("beds.available", regions.stream().map(r -> shown(r.available())).toList())));
  }

  Chart durations(Statistics statistics) {
    return new Chart(
        List.of(text("operations.request-to-hold"), text("operations.hold-to-assigned"), text("operations.hold-to-check-in")),
        List.of(
            Chart.Series.of(text("operations.p50"), statistics.requestToHold().p50(),
                statistics.holdToTransportAssigned().p50(), statistics.holdToCheckIn().p50()),
            Chart.Series.of(text("operations.p90"), statistics.requestToHold().p90(),
                statistics.holdToTransportAssigned().p90(), statistics.holdToCheckIn().p90())));
  }

  /** Transport's failures are not a statistic: coordinators see each job in the inbox anyway. */
  Chart waiting(Statistics statistics, Integer transportFailures) {
    return new Chart(
        List.of(text("operations.waitlist"), text("operations.unmet-demand"), text("operations.transport-failures")),
        List.of(Chart.Series.of(text("operations.count"),
            statistics.waitlistLength().shown(), statistics.unmetDemand().shown(), transportFailures)));
  }

  /** The region's name in her language; an unknown code as it is. Public: the page's table calls it. */
  public String region(String code) {
    return messages.getMessage("region." + code, null, code, locale);
  }

  private Chart.Series series(String key, List<Integer> values) {
    // Stream.toList keeps the nulls that List.copyOf would refuse.
    return new Chart.Series(text(key), values.stream().map(v -> (Number) v).toList());
  }

  private static Integer shown(Statistics.Count count) {
    return count == null ? null : count.shown();
  }

  private String text(String key) {
    return messages.getMessage(key, null, locale);
  }
}
