package org.safebed.occupancy.application;

import java.time.Instant;
import java.util.List;
import org.safebed.occupancy.domain.Alert;
import org.safebed.occupancy.domain.AlertRepository;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.platform.messaging.inbox.RetryLaterException;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.springframework.stereotype.Component;

/**
 * The police alert feed, raised from {@code placement.resident-missing.v1} as it arrives through the
 * service's own inbox (the event is the durable record that police must be told; raising is
 * idempotent per missing report). Police see alerts about the placements they requested,
 * coordinators all.
 */
@Component
public class Alerts {

  private static final int LIMIT = 200;

  private final AlertRepository alerts;
  private final PlacementRepository placements;

  public Alerts(AlertRepository alerts, PlacementRepository placements) {
    this.alerts = alerts;
    this.placements = placements;
  }

  public void residentMissing(String placementId, String region, Instant missingSince) {
    Placement placement = placements.findById(placementId)
        .orElseThrow(() -> new RetryLaterException("no placement " + placementId + " (yet)"));
    alerts.raise(Alert.residentMissing(placement.id(), placement.requestedBy(), region, missingSince));
  }

  public List<Alert> visibleTo(Caller caller) {
    return caller.has(Role.COORDINATOR) ? alerts.findAll(LIMIT) : alerts.findFor(caller.subject(), LIMIT);
  }
}
