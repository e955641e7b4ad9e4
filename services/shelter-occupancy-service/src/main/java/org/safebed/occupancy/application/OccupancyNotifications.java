package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementEvent;
import org.safebed.occupancy.domain.PlacementObserver;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.occupancy.domain.ShelterStatus;
import org.safebed.platform.web.notifications.Audience;
import org.safebed.platform.web.notifications.NotificationInbox;
import org.safebed.platform.web.notifications.NotificationKind;
import org.safebed.platform.web.notifications.NotificationKind.Record;
import org.safebed.platform.web.notifications.Severity;
import org.safebed.platform.web.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The notifications shelter occupancy raises: for the police officer who asked for a placement, the
 * managers of a shelter and coordinators. Each is raised once per cause (its id says which), by ids
 * only. The durable ones (a resident missing, a no-show) are raised from the service's own events
 * through its inbox, so a crash raises them on redelivery; a bed held is told from the stored
 * change, off the request's thread (its live page shows it anyway), the waits and stale capacity by
 * the schedule's next round.
 */
@Component
public class OccupancyNotifications implements PlacementObserver, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OccupancyNotifications.class);
  private static final int RAISING_BACKLOG = 10_000;
  private static final int NUDGES_REMEMBERED = 100_000;

  private final NotificationInbox inbox;
  private final ShelterRepository shelters;
  private final Clock clock;
  private final Duration capacityNudgeAfter;
  /** The capacity nudges this instance has stored (or found stored) already. */
  private final java.util.Set<String> nudged = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** One thread, a bounded queue: under a surge notifications wait, and past the bound are dropped, never the holds. */
  private final ExecutorService raising = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new LinkedBlockingQueue<>(RAISING_BACKLOG), r -> Thread.ofPlatform().name("notifications").daemon().unstarted(r));

  public OccupancyNotifications(NotificationInbox inbox, ShelterRepository shelters, Clock clock,
      @Value("${safebed.occupancy.capacity-nudge-after:12h}") Duration capacityNudgeAfter) {
    this.inbox = inbox;
    this.shelters = shelters;
    this.clock = clock;
    this.capacityNudgeAfter = capacityNudgeAfter;
  }

  @Override
  public void stored(Placement placement) {
    // only changes with their events tell that a bed was held
  }

  @Override
  public void stored(Placement placement, List<PlacementEvent> events) {
    for (PlacementEvent event : events) {
      if (event instanceof PlacementEvent.BedHeld held) {
        String placementId = placement.id();
        Audience audience = Audience.of().account(placement.requestedBy()).managersOf(held.shelterId());
        try {
          // Off the hold's thread: a police request never waits for a notification to be stored.
          raising.execute(() -> raiseHeld(placementId, held.holdExpiresAt(), audience));
        } catch (RejectedExecutionException e) {
          log.warn("Notification of a held bed dropped: {} waiting to be stored", RAISING_BACKLOG);
        }
      }
    }
  }

  /** One per hold (a placement held again after an expiry is told again); police never see a shelter id. */
  private void raiseHeld(String placementId, Instant holdExpiresAt, Audience audience) {
    try {
      inbox.raise("held-" + placementId + "-" + holdExpiresAt.toEpochMilli(), NotificationKind.PLACEMENT_HELD,
          Severity.INFO, Record.PLACEMENT, placementId, audience);
    } catch (RuntimeException e) {
      // The hold stands; the officer's page shows it live even without the notification.
      log.warn("Notification of a held bed not stored ({})", e.getClass().getSimpleName());
    }
  }

  @Override
  public void destroy() {
    raising.shutdown();
  }

  public void waiting(Placement placement) {
    inbox.raise("waiting-" + placement.id(), NotificationKind.PLACEMENT_WAITING, Severity.ACTION_REQUIRED,
        Record.PLACEMENT, placement.id(), Audience.of().account(placement.requestedBy()).role(Role.COORDINATOR));
  }

  public void residentMissing(Placement placement, Instant missingSince) {
    inbox.raise("missing-" + placement.id() + "-" + missingSince.toEpochMilli(), NotificationKind.RESIDENT_MISSING,
        Severity.CRITICAL, Record.PLACEMENT, placement.id(),
        Audience.of().account(placement.requestedBy()).role(Role.COORDINATOR));
  }

  public void noShow(Placement placement) {
    inbox.raise("no-show-" + placement.id(), NotificationKind.NO_SHOW, Severity.ACTION_REQUIRED, Record.PLACEMENT,
        placement.id(), Audience.of().account(placement.requestedBy()).role(Role.COORDINATOR));
  }

  /** For a coordinator to judge: keep-apart across agencies, or an account that may be probing. */
  public void forCoordinators(String alertId, NotificationKind kind, String placementId) {
    inbox.raise(alertId, kind, Severity.ACTION_REQUIRED, Record.PLACEMENT, placementId,
        Audience.of().role(Role.COORDINATOR));
  }

  public void shelterCompromised(String shelterId) {
    inbox.raise("compromised-" + shelterId, NotificationKind.SHELTER_COMPROMISED, Severity.CRITICAL, Record.SHELTER,
        shelterId, Audience.of().managersOf(shelterId).role(Role.COORDINATOR));
  }

  /**
   * Open shelters whose beds nobody confirmed for {@code capacity-nudge-after} (12 h): their
   * managers are asked to, once per unconfirmed stretch (a confirmation starts a new one).
   *
   * @return how many were raised
   */
  public int nudgeStaleCapacity() {
    Instant before = clock.instant().minus(capacityNudgeAfter);
    if (nudged.size() > NUDGES_REMEMBERED) {
      nudged.clear();
    }
    int raised = 0;
    for (Shelter shelter : shelters.findByStatus(ShelterStatus.OPEN)) {
      Instant confirmed = shelter.capacityConfirmedAt();
      if (confirmed == null || confirmed.isBefore(before)) {
        String id = "capacity-" + shelter.id() + "-" + (confirmed == null ? "never" : confirmed.toEpochMilli());
        // Each round finds the same stale shelters: only the first round of this instance writes.
        if (!nudged.contains(id)) {
          if (inbox.raise(id, NotificationKind.CAPACITY_UNCONFIRMED, Severity.ACTION_REQUIRED, Record.SHELTER,
              shelter.id(), Audience.of().managersOf(shelter.id()))) {
            raised++;
          }
          nudged.add(id);
        }
      }
    }
    return raised;
  }
}
