package org.safebed.transport.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.safebed.platform.web.push.PushAlerts;
import org.safebed.transport.domain.TransportJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Alerts a driver's devices that she has an offer, once it is stored. Off the assignment's thread:
 * a slow or failing push service must never delay or undo an offer (she still sees it in her
 * console, and the offer expires to the next driver as usual). The alert says nothing but "an
 * offer": no payload, a topic that names no one, kept by the push service no longer than the offer.
 */
@Service
public class OfferAlerts implements DisposableBean {

  /** Replaces an older, undelivered offer alert on the device; names nothing. */
  static final String TOPIC = "offer";

  private static final Logger log = LoggerFactory.getLogger(OfferAlerts.class);

  private final PushAlerts devices;
  private final TransportNotifications notifications;
  private final Clock clock;
  private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();

  public OfferAlerts(PushAlerts devices, TransportNotifications notifications, Clock clock) {
    this.notifications = notifications;
    this.devices = devices;
    this.clock = clock;
  }

  /** The job has just been offered to its driver: her notification, and her devices alerted. Returns at once. */
  public void offered(TransportJob job) {
    if (job.driverSubject() == null || job.offerExpiresAt() == null) {
      return;
    }
    String driver = job.driverSubject();
    String jobId = job.id();
    Instant expiresAt = job.offerExpiresAt();
    Duration ttl = Duration.between(clock.instant(), expiresAt);
    try {
      sending.execute(() -> {
        notifications.offered(jobId, driver, expiresAt);
        devices.alert(driver, ttl.isNegative() ? Duration.ZERO : ttl, TOPIC);
      });
    } catch (RuntimeException e) {
      log.warn("Offer alert of job {} not sent: {}", job.id(), e.getClass().getSimpleName());
    }
  }

  @Override
  public void destroy() {
    sending.shutdown();
  }
}
