package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.MatchingPolicy;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Serves waitlisted placements, most urgent first and then oldest, whenever a bed may have become
 * available (check-out, cancellation, expiry, a bed back in service, new beds, a shelter reopened
 * or registered), and all of them periodically as a safety net. Triggers are coalesced onto one
 * background thread, so the request that freed a bed does not wait for the waitlist, and a round
 * only matches placements that one of the shelters with a freed bed could take.
 *
 * <p>A placement that joins the waitlist just as a bed frees could miss that bed (its search ran
 * before the bed was free, the round after the bed freed ran before it was waitlisted): shelters
 * that freed a bed recently are therefore offered again whenever a placement joins.
 */
@Component
public class Waitlist implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Waitlist.class);
  private static final int BATCH = 500;
  private static final Duration RECENT = Duration.ofSeconds(30);
  private static final int MAX_RESTARTS = 3;

  private final PlacementRepository placements;
  private final ShelterRepository shelters;
  private final BedRepository beds;
  private final BedMatching matching;
  private final PlacementChanges changes;
  private final MatchingPolicy policy;
  private final OccupancyNotifications notifications;
  private final OccupancyProperties properties;
  private final Clock clock;
  private final Set<String> freed = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> recentlyFreed = new ConcurrentHashMap<>();
  private final AtomicBoolean queued = new AtomicBoolean();
  /** Counts beds freed, so a round can tell that one freed while it went down the line. */
  private final AtomicLong freeings = new AtomicLong();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("waitlist").daemon().unstarted(r));

  public Waitlist(
      PlacementRepository placements,
      ShelterRepository shelters,
      BedRepository beds,
      BedMatching matching,
      PlacementChanges changes,
      MatchingPolicy policy,
      OccupancyNotifications notifications,
      OccupancyProperties properties,
      Clock clock) {
    this.placements = placements;
    this.shelters = shelters;
    this.beds = beds;
    this.matching = matching;
    this.changes = changes;
    this.policy = policy;
    this.notifications = notifications;
    this.properties = properties;
    this.clock = clock;
    matching.onShelterLeftToWaitlist(this::bedFreed);
  }

  /** A bed of this shelter may be available now: serve the waitlist soon. */
  public void bedFreed(String shelterId) {
    if (shelterId == null) {
      return;
    }
    freeings.incrementAndGet();
    freed.add(shelterId);
    recentlyFreed.put(shelterId, clock.instant());
    schedule();
  }

  /** A placement was just waitlisted: offer it what freed lately (see class comment). */
  public void joined() {
    Instant since = clock.instant().minus(RECENT);
    recentlyFreed.entrySet().removeIf(entry -> entry.getValue().isBefore(since));
    if (!recentlyFreed.isEmpty()) {
      freed.addAll(recentlyFreed.keySet());
      schedule();
    }
  }

  private void schedule() {
    if (queued.compareAndSet(false, true)) {
      executor.execute(() -> {
        queued.set(false);
        try {
          serveFreed();
        } catch (RuntimeException e) {
          log.warn("Waitlist round failed: {}", e.getClass().getSimpleName());
        }
      });
    }
  }

  /** @return how many waitlisted placements got one of the freed beds (or a better one) */
  public synchronized int serveFreed() {
    Set<String> ids = new HashSet<>(freed);
    freed.removeAll(ids);
    List<Shelter> offering = new ArrayList<>(shelters.findByIds(ids).stream()
        .filter(Shelter::acceptsPlacements)
        .filter(this::hasFreeBed)
        .toList());
    int held = 0;
    for (Placement waiting : offering.isEmpty() ? List.<Placement>of() : placements.findWaitlisted(BATCH)) {
      if (offering.stream().noneMatch(shelter -> policy.qualifies(shelter, waiting.request()))) {
        continue;
      }
      if (matching.match(waiting).status() == PlacementStatus.HELD) {
        held++;
        offering.removeIf(shelter -> !hasFreeBed(shelter));
        if (offering.isEmpty()) {
          break;
        }
      }
    }
    if (held > 0) {
      log.info("Waitlist: {} placements got a bed", held);
    }
    return held;
  }

  /**
   * Every waitlisted placement, in order (the periodic safety net); escalates long waits too.
   *
   * <p>A bed that frees while the round goes down the line would otherwise go to whoever the
   * round reaches next, although someone ahead (tried before it was free) should have it: the
   * round then starts again from the head of the line, a few times at most.
   */
  public synchronized int rematch() {
    int held = 0;
    int restarts = 0;
    boolean again = true;
    while (again) {
      again = false;
      long seen = freeings.get();
      for (Placement waiting : placements.findWaitlisted(BATCH)) {
        if (freeings.get() != seen && restarts < MAX_RESTARTS) {
          restarts++;
          again = true;
          break;
        }
        if (matching.match(waiting).status() == PlacementStatus.HELD) {
          held++;
        }
      }
    }
    if (held > 0) {
      log.info("Waitlist: {} placements got a bed", held);
    }
    escalate();
    return held;
  }

  /** Raises an escalation for every placement waitlisted longer than allowed; answers how many. */
  public int escalate() {
    Instant now = clock.instant();
    Duration limit = properties.escalateAfter();
    int escalated = 0;
    for (Placement waiting : placements.findWaitlistedUnescalatedBefore(now.minus(limit), BATCH)) {
      var applied = changes.apply(waiting.id(), placement -> placement.escalate(limit, now));
      if (applied.isPresent() && applied.get().changed()) {
        log.warn("Placement {} escalated: waitlisted longer than {}", waiting.id(), limit);
        notifications.waiting(applied.get().after());
        escalated++;
      }
    }
    return escalated;
  }

  public List<Placement> escalations() {
    return placements.findEscalated(BATCH);
  }

  private boolean hasFreeBed(Shelter shelter) {
    return !beds.availableBedIds(shelter, 1).isEmpty();
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
