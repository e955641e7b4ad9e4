package org.safebed.transport.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.safebed.transport.config.TransportProperties;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.DriverRanking;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.JobStatus;
import org.safebed.transport.domain.PickupReach;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.safebed.transport.domain.Transition;
import org.safebed.transport.domain.TravelTime;
import org.safebed.transport.domain.UnassignedReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gives a waiting job to the best driver: claim the driver first (one conditional write on the
 * driver), then offer the job (one conditional write on the job, with its event). If the job
 * changed in between, the claim is given back and the job is looked at again. A crash between the
 * two writes leaves a claim the reconciler releases. Only drivers who can reach her within the
 * pick-up reach ({@link PickupReach}) are offered it; when none can, it fails at once so that police
 * escort her themselves.
 */
@Service
public class JobAssignment {

  private static final Logger log = LoggerFactory.getLogger(JobAssignment.class);
  private static final int CANDIDATES = 200;
  private static final int ATTEMPTS = 5;
  public static final String FAILURES = "safebed.transport.failures";

  private final TransportJobs jobs;
  private final Drivers drivers;
  private final TravelTimes travelTimes;
  private final TransportProperties properties;
  private final OfferAlerts alerts;
  private final TransportNotifications notifications;
  private final Map<UnassignedReason, Counter> failures = new EnumMap<>(UnassignedReason.class);
  private final Clock clock;

  public JobAssignment(
      TransportJobs jobs, Drivers drivers, TravelTimes travelTimes, TransportProperties properties,
      OfferAlerts alerts, TransportNotifications notifications, MeterRegistry meters, Clock clock) {
    this.jobs = jobs;
    this.notifications = notifications;
    // Every reason from the start, at zero: an alert on a rise needs the series before the first.
    for (UnassignedReason reason : UnassignedReason.values()) {
      failures.put(reason, Counter.builder(FAILURES).description("Transport jobs no driver could take")
          .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(meters));
    }
    this.alerts = alerts;
    this.drivers = drivers;
    this.travelTimes = travelTimes;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Offers the job to the best driver if it waits for one; does nothing otherwise, or when another
   * assignment of the same job is in progress. That one holds the job's assignment lease: without
   * it, two assigners of one job (a redelivered event, the sweep, the reconciler) would each claim
   * a driver, and one that found every driver claimed by the other could declare the job
   * unassigned. A lease left by a crash runs out after {@code repair-after}.
   */
  public void assign(String jobId) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<TransportJob> loaded = jobs.find(jobId);
      if (loaded.isEmpty() || !loaded.get().awaitsDriver()) {
        return;
      }
      Instant now = clock.instant();
      if (attempt == 0 && !jobs.leaseForAssignment(jobId, now, now.plus(properties.repairAfter()))) {
        log.debug("Job {} is being assigned elsewhere", jobId);
        return;
      }
      if (offerToBestDriver(loaded.get()) != Outcome.CHANGED) {
        return;
      }
    }
    log.warn("Job {} kept changing during assignment; the reconciler will try again", jobId);
  }

  /**
   * Offers an unassigned job to the best driver free now. When there is still nobody the job is left
   * exactly as it was (unassigned, same reason, no new event): coordinators were told once. No lease
   * is needed here: a try that finds nobody changes nothing, and two tries that both find someone
   * meet at the job's version, where one wins and the other gives its driver back.
   *
   * @return whether a driver was offered the job
   */
  public boolean offerAgain(String jobId) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<TransportJob> loaded = jobs.find(jobId);
      if (loaded.isEmpty() || !loaded.get().mayBeOfferedAgain()) {
        return false;
      }
      Outcome outcome = offerToBestDriver(loaded.get());
      if (outcome != Outcome.CHANGED) {
        return outcome == Outcome.OFFERED;
      }
    }
    return false;
  }

  /** ETA of a driver for a job: from their base to the pick-up, then on to the destination. */
  public TravelTime eta(Driver driver, TransportJob job) {
    return etaVia(travelTimes.between(driver.base(), job.pickupArea()), job);
  }

  private TravelTime etaVia(TravelTime toPickup, TransportJob job) {
    return job.destinationArea() == null
        ? toPickup
        : toPickup.then(travelTimes.between(job.pickupArea(), job.destinationArea()));
  }

  private enum Outcome {
    OFFERED,
    UNASSIGNED,
    /** The job changed under us and must be looked at again. */
    CHANGED
  }

  /**
   * Offers the job to the best ranked driver who can reach her in time. The time to the pick-up is
   * asked before the driver is claimed, so a driver too far away is never held, not even briefly.
   */
  private Outcome offerToBestDriver(TransportJob job) {
    Instant asOf = clock.instant();
    PickupReach reach = properties.pickupReach();
    boolean someoneTooFar = false;
    for (Driver driver : DriverRanking.forJob(job, drivers.available(job.escort(), asOf, CANDIDATES), asOf)) {
      Optional<TravelTime> toPickup = toPickupWithin(reach, driver, job);
      if (toPickup.isEmpty()) {
        someoneTooFar = true;
        continue;
      }
      if (!drivers.claim(driver.id(), job.id(), job.escort(), clock.instant())) {
        continue; // another job took this driver a moment ago
      }
      TravelTime eta = etaVia(toPickup.get(), job);
      Transition offer = job.offerTo(driver, eta, clock.instant(), properties.offerTimeout());
      if (jobs.save(job, offer)) {
        log.info("Job {} offered to driver {} (eta {} min, {})", job.id(), driver.id(), eta.minutes(), eta.source());
        alerts.offered(job);
        return Outcome.OFFERED;
      }
      drivers.release(driver.id(), job.id());
      return Outcome.CHANGED;
    }
    if (job.status() == JobStatus.UNASSIGNED) {
      return Outcome.UNASSIGNED; // still nobody: nothing new to tell anyone
    }
    UnassignedReason reason = someoneTooFar ? UnassignedReason.NO_DRIVER_IN_REACH : UnassignedReason.NO_DRIVER;
    Instant unassignedAt = clock.instant();
    if (jobs.save(job, job.noDriverAvailable(reason, unassignedAt))) {
      log.warn("Job {} unassigned: {}", job.id(), reason);
      failed(reason);
      notifications.unassigned(job, unassignedAt);
      return Outcome.UNASSIGNED;
    }
    return Outcome.CHANGED;
  }

  /**
   * {@code safebed.transport.failures{reason}}: jobs no driver could take, each counted once, when
   * it becomes unassigned (police then bring her, or coordinators step in). The reason is a code.
   */
  private void failed(UnassignedReason reason) {
    failures.get(reason).increment();
  }

  /** The driver's time to the pick-up when it is within reach; empty when she cannot be reached in time. */
  private Optional<TravelTime> toPickupWithin(PickupReach reach, Driver driver, TransportJob job) {
    if (!reach.mightReach(driver.base(), job.pickupArea())) {
      return Optional.empty(); // farther than any road could bring them in time: no routing call
    }
    TravelTime toPickup = travelTimes.between(driver.base(), job.pickupArea());
    return reach.reachedIn(toPickup) ? Optional.of(toPickup) : Optional.empty();
  }
}
