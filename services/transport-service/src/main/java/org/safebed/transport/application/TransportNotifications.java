package org.safebed.transport.application;

import java.time.Instant;
import org.safebed.platform.web.notifications.Audience;
import org.safebed.platform.web.notifications.NotificationInbox;
import org.safebed.platform.web.notifications.NotificationKind;
import org.safebed.platform.web.notifications.NotificationKind.Record;
import org.safebed.platform.web.notifications.Severity;
import org.safebed.platform.web.security.Role;
import org.safebed.transport.domain.TransportJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The notifications transport raises: a driver's offers (made, run out) and, for coordinators, a
 * job no driver could take. By job id only. Raising never undoes or delays what caused it: a
 * failure is logged and the job's own state (her job board, the coordinators' escalations) still
 * shows it.
 */
@Component
public class TransportNotifications {

  private static final Logger log = LoggerFactory.getLogger(TransportNotifications.class);

  private final NotificationInbox inbox;

  public TransportNotifications(NotificationInbox inbox) {
    this.inbox = inbox;
  }

  /** One per offer: the same job offered to her again later is a new offer. */
  public void offered(String jobId, String driverSubject, Instant offerExpiresAt) {
    raise("offered-" + jobId + "-" + offerExpiresAt.toEpochMilli(), NotificationKind.TRANSPORT_OFFERED,
        Severity.ACTION_REQUIRED, jobId, Audience.of().account(driverSubject));
  }

  public void offerExpired(String jobId, String driverSubject, Instant offerExpiredAt) {
    raise("offer-expired-" + jobId + "-" + offerExpiredAt.toEpochMilli(), NotificationKind.TRANSPORT_OFFER_EXPIRED,
        Severity.INFO, jobId, Audience.of().account(driverSubject));
  }

  /** The job became unassigned (it stays so, without a new notification, until a driver takes it). */
  public void unassigned(TransportJob job, Instant at) {
    raise("unassigned-" + job.id() + "-" + at.toEpochMilli(), NotificationKind.TRANSPORT_UNASSIGNED,
        Severity.CRITICAL, job.id(), Audience.of().role(Role.COORDINATOR));
  }

  private void raise(String id, NotificationKind kind, Severity severity, String jobId, Audience audience) {
    try {
      inbox.raise(id, kind, severity, Record.TRANSPORT_JOB, jobId, audience);
    } catch (RuntimeException e) {
      log.warn("Notification {} of job {} not stored ({})", kind, jobId, e.getClass().getSimpleName());
    }
  }
}
