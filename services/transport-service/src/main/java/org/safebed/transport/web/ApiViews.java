package org.safebed.transport.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.safebed.transport.application.DriverRoster;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.GeoPoint;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TravelTime;
import org.safebed.transport.web.model.DriverDto;
import org.safebed.transport.web.model.DutyWindowDto;
import org.safebed.transport.web.model.EtaSourceDto;
import org.safebed.transport.web.model.GenderDto;
import org.safebed.transport.web.model.GeoPointDto;
import org.safebed.transport.web.model.JobKindDto;
import org.safebed.transport.web.model.MyDriverDto;
import org.safebed.transport.web.model.TransportJobDto;
import org.safebed.transport.web.model.TransportJobStatusDto;
import org.safebed.transport.web.model.TravelEstimateDto;

/**
 * Domain to API shapes. A job's view leaves out the destination area on purpose: the driver learns
 * where to go only through the audited destination look-up.
 */
final class ApiViews {

  private ApiViews() {}

  static TransportJobDto job(TransportJob job) {
    TransportJobDto view =
        new TransportJobDto(
            job.id(),
            job.placementId(),
            JobKindDto.valueOf(job.kind().name()),
            TransportJobStatusDto.valueOf(job.status().name()),
            job.minor(),
            time(job.createdAt()),
            time(job.updatedAt()));
    view.setRegion(job.region());
    view.setPickupArea(point(job.pickupArea()));
    view.setDriverId(job.driverSubject());
    if (job.eta() != null) {
      view.setEtaMinutes(job.eta().minutes());
      view.setEtaSource(EtaSourceDto.valueOf(job.eta().source().name()));
    }
    view.setOfferExpiresAt(time(job.offerExpiresAt()));
    view.setReferralId(job.referralId());
    view.setDueAt(time(job.dueAt()));
    if (job.unassignedReason() != null) {
      view.setUnassignedReason(TransportJobDto.UnassignedReasonEnum.valueOf(job.unassignedReason().name()));
    }
    return view;
  }

  static DriverDto driver(Driver driver, List<String> linkedAccounts) {
    DriverDto view =
        new DriverDto(
            driver.id(),
            driver.accountSubject(),
            driver.vetted(),
            GenderDto.valueOf(driver.gender().name()),
            new ArrayList<>(driver.languages().stream().sorted().toList()),
            driver.canEscortMinors(),
            point(driver.base()),
            driver.onDuty(),
            driver.retired());
    view.setCurrentJobId(driver.currentJobId());
    view.setDutyWindows(
        new ArrayList<>(
            driver.dutyWindows().stream().map(w -> new DutyWindowDto(time(w.from()), time(w.to()))).toList()));
    view.setLinkedAccounts(linkedAccounts.isEmpty() ? null : new java.util.LinkedHashSet<>(linkedAccounts));
    return view;
  }

  /** A driver's own view of her record: what her console's duty switch shows. */
  static MyDriverDto mine(Driver driver, Instant now) {
    MyDriverDto view = new MyDriverDto(
        driver.id(), driver.onDuty(),
        driver.dutyWindows().isEmpty() || driver.dutyWindows().stream().anyMatch(w -> w.contains(now)),
        driver.retired());
    view.setCurrentJobId(driver.currentJobId());
    view.setDutyWindows(
        new ArrayList<>(
            driver.dutyWindows().stream().map(w -> new DutyWindowDto(time(w.from()), time(w.to()))).toList()));
    return view;
  }

  /** Duty windows as asked for; the roster checks them (a null bound or an empty window is a 400). */
  static List<DriverRoster.Window> windows(List<DutyWindowDto> windows) {
    if (windows == null) {
      return List.of();
    }
    return windows.stream()
        .map(w -> new DriverRoster.Window(
            w.getFrom() == null ? null : w.getFrom().toInstant(), w.getTo() == null ? null : w.getTo().toInstant()))
        .toList();
  }

  static TravelEstimateDto estimate(TravelTime time) {
    return new TravelEstimateDto(time.minutes(), EtaSourceDto.valueOf(time.source().name()));
  }

  static GeoPoint point(GeoPointDto dto) {
    return new GeoPoint(dto.getLat(), dto.getLon());
  }

  static GeoPointDto point(GeoPoint point) {
    return point == null ? null : new GeoPointDto(point.lat(), point.lon());
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
