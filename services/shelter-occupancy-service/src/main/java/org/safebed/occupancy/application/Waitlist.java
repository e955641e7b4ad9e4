package org.safebed.occupancy.application;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Serves waitlisted placements, oldest first, whenever capacity may have appeared (a bed freed, a
 * bed back in service, a shelter reopened or registered) and periodically as a safety net.
 * Triggers are coalesced onto one background thread so that the request that freed a bed does not
 * wait for the waitlist.
 */
@Component
public class Waitlist implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Waitlist.class);
  private static final int BATCH = 500;

  private final PlacementRepository placements;
  private final BedMatching matching;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("waitlist").daemon().unstarted(r));

  public Waitlist(PlacementRepository placements, BedMatching matching) {
    this.placements = placements;
    this.matching = matching;
  }

  /** Capacity may have appeared: match the waitlist again soon. */
  public void bedFreed() {
    if (queued.compareAndSet(false, true)) {
      executor.execute(() -> {
        queued.set(false);
        try {
          rematch();
        } catch (RuntimeException e) {
          log.warn("Waitlist round failed: {}", e.getClass().getSimpleName());
        }
      });
    }
  }

  /** @return how many waitlisted placements got a bed */
  public synchronized int rematch() {
    int held = 0;
    for (Placement waiting : placements.findWaitlisted(BATCH)) {
      if (matching.match(waiting).status() == PlacementStatus.HELD) {
        held++;
      }
    }
    if (held > 0) {
      log.info("Waitlist: {} placements got a bed", held);
    }
    return held;
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
