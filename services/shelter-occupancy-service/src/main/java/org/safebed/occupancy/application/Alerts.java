package org.safebed.occupancy.application;

import java.time.Instant;
import java.util.List;
import org.safebed.occupancy.domain.Alert;
import org.safebed.occupancy.domain.AlertRepository;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.platform.messaging.inbox.RetryLaterException;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.springframework.stereotype.Component;

/**
 * The police alert feed, raised from {@code placement.resident-missing.v1} and (no-shows)
 * {@code placement.cancelled.v1} as they arrive through the service's own inbox (the event is the
 * durable record that police must be told; raising is idempotent per missing report and
 * placement). Police see alerts about the placements they requested,
 * coordinators all.
 */
@Component
public class Alerts {

  private static final int LIMIT = 200;

  private final AlertRepository alerts;
  private final PlacementRepository placements;
  private final OccupancyNotifications notifications;

  public Alerts(AlertRepository alerts, PlacementRepository placements, OccupancyNotifications notifications) {
    this.alerts = alerts;
    this.placements = placements;
    this.notifications = notifications;
  }

  public void residentMissing(String placementId, String region, Instant missingSince) {
    Placement placement = placements.findById(placementId)
        .orElseThrow(() -> new RetryLaterException("no placement " + placementId + " (yet)"));
    alerts.raise(Alert.residentMissing(placement.id(), placement.requestedBy(), region, missingSince));
    notifications.residentMissing(placement, missingSince);
  }

  /**
   * A held placement ended by {@code placement.cancelled.v1}: when it was her shelter reporting a
   * no-show, the requesting police and coordinators are told (a cancel by police or a relocation
   * needs no alert).
   */
  public void placementCancelled(String placementId, Instant at) {
    Placement placement = placements.findById(placementId)
        .orElseThrow(() -> new RetryLaterException("no placement " + placementId + " (yet)"));
    if (placement.status() == PlacementStatus.NO_SHOW) {
      alerts.raise(Alert.noShow(placement.id(), placement.requestedBy(),
          placement.hold() == null ? null : placement.hold().region(), at));
      notifications.noShow(placement);
    }
  }

  public List<Alert> visibleTo(Caller caller) {
    return caller.has(Role.COORDINATOR) ? alerts.findAll(LIMIT) : alerts.findFor(caller.subject(), LIMIT);
  }
}
