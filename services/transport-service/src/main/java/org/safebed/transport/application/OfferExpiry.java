package org.safebed.transport.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.safebed.transport.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Offers nobody answered go to the next driver. A sweep, not a TTL: the conditional write means an
 * accept that lands first wins, and the sweep then leaves the job alone.
 */
@Service
public class OfferExpiry {

  private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);
  private static final int BATCH = 100;
  public static final String EXPIRED = "safebed.transport.offers.expired";

  private final TransportJobs jobs;
  private final Drivers drivers;
  private final TransportNotifications notifications;
  private final JobAssignment assignment;
  private final Counter expiredOffers;
  private final Clock clock;

  public OfferExpiry(TransportJobs jobs, Drivers drivers, JobAssignment assignment, TransportNotifications notifications,
      MeterRegistry meters, Clock clock) {
    this.notifications = notifications;
    this.jobs = jobs;
    this.expiredOffers = Counter.builder(EXPIRED).description("Offers that no driver answered in time").register(meters);
    this.drivers = drivers;
    this.assignment = assignment;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${safebed.transport.offer-sweep-interval:5s}",
      initialDelayString = "${safebed.transport.offer-sweep-interval:5s}")
  public void sweep() {
    try {
      for (TransportJob job : jobs.offersExpiredAt(clock.instant(), BATCH)) {
        reoffer(job);
      }
    } catch (RuntimeException e) {
      log.warn("Offer sweep failed: {}", e.getClass().getSimpleName());
    }
  }

  private void reoffer(TransportJob job) {
    String driverId = job.driverId();
    String driverSubject = job.driverSubject();
    Instant now = clock.instant();
    Transition expired = job.offerExpired(now);
    if (expired.changed() && jobs.save(job, expired)) {
      log.info("Offer of job {} to driver {} expired", job.id(), driverId);
      expiredOffers.increment();
      if (driverSubject != null) {
        notifications.offerExpired(job.id(), driverSubject, now);
      }
      drivers.release(driverId, job.id());
      assignment.assign(job.id());
    }
  }
}
