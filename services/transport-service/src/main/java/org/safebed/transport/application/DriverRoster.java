package org.safebed.transport.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.safebed.platform.refusal.Refusal;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.DutyWindow;
import org.safebed.transport.domain.Gender;
import org.safebed.transport.domain.GeoPoint;
import org.safebed.transport.domain.JobStatus;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.safebed.transport.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Coordinators register drivers, manage their profiles and retire them; drivers say when they are
 * on duty. A driver who is (or comes) on duty is offered the unassigned jobs they fit at once.
 * Profile changes are logged by driver id, like registrations; a retirement, the one change that
 * cannot be undone, is written to the audit trail too.
 */
@Service
public class DriverRoster {

  private static final Logger log = LoggerFactory.getLogger(DriverRoster.class);
  static final int LIMIT = 1000;

  private final Drivers drivers;
  private final TransportJobs jobs;
  private final JobAssignment assignment;
  private final UnassignedJobs unassigned;
  private final AuditTrail audit;
  private final AccountLinks links;
  private final Clock clock;

  public DriverRoster(
      Drivers drivers, TransportJobs jobs, JobAssignment assignment, UnassignedJobs unassigned, AuditTrail audit,
      AccountLinks links, Clock clock) {
    this.drivers = drivers;
    this.links = links;
    this.jobs = jobs;
    this.assignment = assignment;
    this.unassigned = unassigned;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new driver profile. */
  public record Registration(
      String accountSubject,
      boolean vetted,
      Gender gender,
      Set<String> languages,
      boolean canEscortMinors,
      GeoPoint base,
      boolean onDuty,
      List<Window> dutyWindows,
      List<String> linkedAccounts) {}

  /** What a coordinator manages of a driver; {@code linkedAccounts} null leaves the links as they are (PUT sends them all). */
  public record Profile(
      boolean vetted,
      Gender gender,
      Set<String> languages,
      boolean canEscortMinors,
      GeoPoint base,
      List<Window> dutyWindows,
      List<String> linkedAccounts) {}

  /** A duty window as asked for, checked before it is kept. */
  public record Window(Instant from, Instant to) {}

  public Driver register(Registration registration) {
    List<String> linked = registration.linkedAccounts() == null ? List.of() : registration.linkedAccounts();
    links.requireUnlinked(registration.accountSubject());
    links.requireLinkable(registration.accountSubject(), linked);
    Driver driver =
        new Driver(
            "drv-" + UUID.randomUUID(), registration.accountSubject(), registration.vetted(),
            registration.gender(), registration.languages(), registration.canEscortMinors(),
            registration.base(), registration.onDuty(), null, null, dutyWindows(registration.dutyWindows()));
    if (!drivers.register(driver)) {
      throw new Refusal.Conflict("This account already has a driver profile");
    }
    log.info("Driver {} registered", driver.id());
    if (!linked.isEmpty()) {
      links.replace(driver.accountSubject(), linked);
    }
    if (!driver.onDuty()) {
      return driver;
    }
    unassigned.driverMayBeFree(driver.id());
    return drivers.find(driver.id()).orElse(driver);
  }

  /**
   * A coordinator changes a driver's profile. It applies to future offers at once (the claim checks
   * it); an offer she has not answered and may no longer take (no longer vetted, or outside the job's
   * escort rules) is withdrawn and the job offered to the next best driver, as after a decline.
   */
  public Driver update(String driverId, Profile profile) {
    Driver existing = drivers.find(driverId).orElseThrow(() -> new Refusal.NotFound("Driver"));
    if (profile.linkedAccounts() != null) {
      links.requireLinkable(existing.accountSubject(), profile.linkedAccounts());
    }
    Driver wanted =
        new Driver(
            existing.id(), existing.accountSubject(), profile.vetted(), profile.gender(), profile.languages(),
            profile.canEscortMinors(), profile.base(), existing.onDuty(), existing.currentJobId(),
            existing.claimedAt(), dutyWindows(profile.dutyWindows()));
    Driver driver = drivers.changeProfile(wanted).orElseThrow(() -> new Refusal.NotFound("Driver"));
    log.info("Driver {} profile changed by a coordinator", driver.id());
    if (profile.linkedAccounts() != null) {
      links.replace(driver.accountSubject(), profile.linkedAccounts());
    }
    withdrawOfferNoLongerAllowed(driver);
    unassigned.driverMayBeFree(driver.id());
    return drivers.find(driver.id()).orElse(driver);
  }

  /** The driver whose own account is {@code driverSubject} (see {@link AccountLinks#driverSubjectOf}). */
  public Driver mine(String driverSubject) {
    return drivers.findBySubject(driverSubject)
        .orElseThrow(() -> new Refusal.NotFound("Driver profile"));
  }

  public List<Driver> all() {
    return drivers.all(LIMIT);
  }

  /**
   * A coordinator retires a driver for good: she is never offered a job again and cannot go on
   * duty. Refused while she holds a job (offered, assigned or picked up): it is finished, declined
   * or re-offered first. Retiring a retired driver changes nothing.
   */
  public Driver retire(String coordinatorSubject, String driverId) {
    Driver existing = drivers.find(driverId).orElseThrow(() -> new Refusal.NotFound("Driver"));
    if (existing.retired()) {
      return existing;
    }
    Driver retired = drivers.retire(driverId).orElse(null);
    audit.record(new AuditEntry(coordinatorSubject, "COORDINATOR", null, "DRIVER_RETIRED", "driver", driverId,
        "RETIREMENT", retired == null ? "REFUSED_ACTIVE_JOB" : "DONE"));
    if (retired == null) {
      throw new Refusal.Conflict("The driver has an active job; retire her once it is finished or re-offered");
    }
    log.info("Driver {} retired by a coordinator", driverId);
    return retired;
  }

  /** Off duty means no new offers; a job already held is finished as usual. A retired driver stays off. */
  public Driver setOnDuty(String accountSubject, boolean onDuty) {
    Driver driver = drivers.setOnDuty(accountSubject, onDuty).orElseThrow(() -> drivers.findBySubject(accountSubject)
        .filter(Driver::retired)
        .<Refusal>map(retired -> new Refusal.Conflict("You are retired as a driver and cannot go on duty"))
        .orElseGet(() -> new Refusal.NotFound("Driver profile")));
    log.info("Driver {} is now {}", driver.id(), onDuty ? "on duty" : "off duty");
    if (!onDuty) {
      return driver;
    }
    unassigned.driverMayBeFree(driver.id());
    return drivers.find(driver.id()).orElse(driver);
  }

  private void withdrawOfferNoLongerAllowed(Driver driver) {
    if (driver.currentJobId() == null) {
      return;
    }
    TransportJob job = jobs.find(driver.currentJobId()).orElse(null);
    if (job == null
        || job.status() != JobStatus.OFFERED
        || !driver.id().equals(job.driverId())
        || driver.qualifiesFor(job)) {
      return;
    }
    Transition withdrawn = job.withdrawOffer(clock.instant());
    if (withdrawn.changed() && jobs.save(job, withdrawn)) {
      log.info("Offer of job {} to driver {} withdrawn: her profile no longer allows it", job.id(), driver.id());
      drivers.release(driver.id(), job.id());
      assignment.assign(job.id());
    }
    // a job that changed meanwhile (accepted, declined, expired) is no longer an open offer to withdraw
  }

  private static List<DutyWindow> dutyWindows(List<Window> windows) {
    if (windows == null) {
      return List.of();
    }
    if (windows.size() > DutyWindow.MAX_PER_DRIVER) {
      throw new Refusal.InvalidCommand("At most " + DutyWindow.MAX_PER_DRIVER + " duty windows");
    }
    return windows.stream()
        .map(window -> {
          if (window.from() == null || window.to() == null || !window.from().isBefore(window.to())) {
            throw new Refusal.InvalidCommand("Each duty window must start before it ends");
          }
          return new DutyWindow(window.from(), window.to());
        })
        .toList();
  }
}
