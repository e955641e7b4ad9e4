package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.safebed.occupancy.config.ChurnProperties;
import org.safebed.occupancy.domain.Alert;
import org.safebed.platform.web.notifications.NotificationKind;
import org.safebed.occupancy.domain.AlertRepository;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.RequestChurn;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down an account that requests and cancels placements again and again. Matching answers
 * depend on shelters' coarse areas only, so such probing cannot locate a shelter more finely; but
 * it is still abuse (each probe holds a bed someone may need, and sets a driver on her way), so the
 * account is refused for the rest of the window, coordinators are alerted once per window, and
 * both are audited.
 */
@Component
public class RequestChurnGuard {

  private static final Logger log = LoggerFactory.getLogger(RequestChurnGuard.class);
  static final String DETECTED = "REQUEST_CHURN_DETECTED";
  static final String REFUSED = "PLACEMENT_REQUEST_REFUSED";

  private final RequestChurn churn;
  private final AlertRepository alerts;
  private final OccupancyNotifications notifications;
  private final AuditTrail audit;
  private final ChurnProperties properties;
  private final Clock clock;

  public RequestChurnGuard(RequestChurn churn, AlertRepository alerts, OccupancyNotifications notifications, AuditTrail audit,
      ChurnProperties properties, Clock clock) {
    this.churn = churn;
    this.alerts = alerts;
    this.notifications = notifications;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Refuses a new request (429) while the account is over its limit. */
  public void checkMayRequest(Caller police) {
    Instant now = clock.instant();
    Instant window = windowStart(now);
    if (churn.cancellationsIn(police.subject(), window) < properties.maxCancellations()) {
      return;
    }
    audit.record(new AuditEntry(police.subject(), "POLICE", null, REFUSED, "placement", null, "REQUEST_CHURN",
        "DENIED"));
    Duration untilEnd = Duration.between(now, window.plus(properties.window()));
    throw new RequestRefused.TooMuchChurn(
        "Too many placements were requested and cancelled from this account; try again later or call the"
            + " coordination desk", untilEnd);
  }

  /** Counts a placement its own requester cancelled soon after asking for it. */
  public void cancelled(Caller caller, Placement placement) {
    Instant now = clock.instant();
    boolean byItsRequester = caller.subject().equals(placement.requestedBy());
    if (!byItsRequester || placement.createdAt().plus(properties.freshFor()).isBefore(now)) {
      return;
    }
    Instant window = windowStart(now);
    int count = churn.recordCancellation(caller.subject(), window);
    if (count == properties.maxCancellations()) {
      Alert alert = Alert.requestChurn(placement.id(), Long.toString(window.getEpochSecond()), now);
      alerts.raise(alert);
      notifications.forCoordinators(alert.id(), NotificationKind.REQUEST_CHURN, placement.id());
      audit.record(new AuditEntry(caller.subject(), "POLICE", null, DETECTED, "placement", placement.id(),
          "REQUEST_CHURN", "DENIED"));
      log.warn("Request churn: the requester of placement {} reached {} cancellations in a window; coordinators"
          + " alerted", placement.id(), count);
    }
  }

  private Instant windowStart(Instant now) {
    long size = properties.window().toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), size) * size);
  }
}
