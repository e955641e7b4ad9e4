package org.safebed.occupancy.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.safebed.occupancy.application.Alerts;
import org.safebed.occupancy.application.OccupancyStatistics;
import org.safebed.occupancy.application.OccupancyStatistics.Count;
import org.safebed.occupancy.application.OccupancyStatistics.Percentiles;
import org.safebed.occupancy.application.Waitlist;
import org.safebed.occupancy.web.api.CoordinationApi;
import org.safebed.occupancy.web.model.AlertDto;
import org.safebed.occupancy.web.model.CountValueDto;
import org.safebed.occupancy.web.model.DurationPercentilesDto;
import org.safebed.occupancy.web.model.PlacementDto;
import org.safebed.occupancy.web.model.RegionOccupancyDto;
import org.safebed.occupancy.web.model.StatisticsDto;
import org.safebed.occupancy.web.model.StatisticsWindowDto;
import org.safebed.platform.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** Escalations and statistics for coordinators; alerts for police (their own) and coordinators. */
@RestController
public class CoordinationController implements CoordinationApi {

  private final Waitlist waitlist;
  private final Alerts alerts;
  private final OccupancyStatistics statistics;

  public CoordinationController(Waitlist waitlist, Alerts alerts, OccupancyStatistics statistics) {
    this.waitlist = waitlist;
    this.alerts = alerts;
    this.statistics = statistics;
  }

  @Override
  @PreAuthorize("hasRole('COORDINATOR')")
  public ResponseEntity<List<PlacementDto>> listEscalations() {
    return ResponseEntity.ok(waitlist.escalations().stream().map(p -> WebMapping.placement(p, true)).toList());
  }

  @Override
  @PreAuthorize("hasAnyRole('POLICE', 'COORDINATOR')")
  public ResponseEntity<List<AlertDto>> listAlerts() {
    return ResponseEntity.ok(alerts.visibleTo(Caller.current()).stream()
        .map(a -> new AlertDto()
            .id(a.id())
            .type(AlertDto.TypeEnum.fromValue(a.type()))
            .placementId(a.placementId())
            .relatedPlacementId(a.relatedPlacementId())
            .region(a.region())
            .raisedAt(a.raisedAt().atOffset(ZoneOffset.UTC)))
        .toList());
  }

  @Override
  @PreAuthorize("hasRole('COORDINATOR')")
  public ResponseEntity<StatisticsDto> getStatistics(StatisticsWindowDto window) {
    OccupancyStatistics.Report report =
        statistics.compute(window == null ? null : OccupancyStatistics.Window.valueOf(window.getValue()));
    return ResponseEntity.ok(new StatisticsDto()
        .generatedAt(time(report.generatedAt()))
        .windowStart(time(report.windowStart()))
        .window(report.window() == null ? null : StatisticsWindowDto.fromValue(report.window().name()))
        .minimumCount(report.minimumCount())
        .occupancyByRegion(report.occupancyByRegion().stream()
            .map(r -> new RegionOccupancyDto()
                .region(r.region())
                .inServiceBeds(count(r.inServiceBeds()))
                .held(count(r.held()))
                .occupied(count(r.occupied()))
                .available(count(r.available())))
            .toList())
        .requestToHold(percentiles(report.requestToHold()))
        .holdToCheckIn(percentiles(report.holdToCheckIn()))
        .holdToTransportAssigned(percentiles(report.holdToTransportAssigned()))
        .waitlistLength(count(report.waitlistLength()))
        .unmetDemand(count(report.unmetDemand())));
  }

  private static CountValueDto count(Count count) {
    return new CountValueDto().value(count.value()).suppressed(count.suppressed());
  }

  private static DurationPercentilesDto percentiles(Percentiles p) {
    return new DurationPercentilesDto()
        .p50Minutes(p.p50Minutes())
        .p90Minutes(p.p90Minutes())
        .samples(count(p.samples()))
        .suppressed(p.suppressed());
  }

  private static java.time.OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
