package org.safebed.occupancy.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementEvent;
import org.safebed.occupancy.domain.PlacementObserver;
import org.springframework.stereotype.Component;

/**
 * {@code safebed.placement.time.to.bed} (Prometheus {@code safebed_placement_time_to_bed_seconds}):
 * how long a child waits, as histograms by {@code stage}: {@code held} (request to her first bed
 * held), {@code transport_assigned} (bed held to a driver assigned) and {@code checked_in} (bed held
 * to checked in). One label from a fixed list; never an id, a shelter or a region. Each stage is
 * recorded once per placement, at the stored change that reached it (a redelivered event or a
 * second hold changes nothing).
 */
@Component
public class PlacementTimes implements PlacementObserver {

  public static final String NAME = "safebed.placement.time.to.bed";

  /** Bucket bounds: minutes matter at first, then the half hours that page someone. */
  private static final Duration[] BUCKETS = {
      Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1),
      Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
      Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24)};

  private final Timer held;
  private final Timer transportAssigned;
  private final Timer checkedIn;

  public PlacementTimes(MeterRegistry registry) {
    this.held = timer(registry, "held", "From the police request to her first bed held");
    this.transportAssigned = timer(registry, "transport_assigned", "From her bed held to a driver assigned");
    this.checkedIn = timer(registry, "checked_in", "From her bed held to checked in at the shelter");
  }

  @Override
  public void stored(Placement placement) {
    // only changes with their events tell which stage was reached
  }

  @Override
  public void stored(Placement placement, List<PlacementEvent> events) {
    for (PlacementEvent event : events) {
      if (event instanceof PlacementEvent.BedHeld && isFirstHold(placement)) {
        record(held, placement.createdAt(), placement.firstHeldAt());
      } else if (event instanceof PlacementEvent.CheckedIn) {
        record(checkedIn, placement.firstHeldAt(), placement.checkedInAt());
      }
    }
  }

  /** The first driver assigned to the drive to the shelter (transport tells us; no event of ours). */
  void transportAssigned(Placement before, Placement after) {
    if (before.firstAssignedAt() == null && after.firstAssignedAt() != null) {
      record(transportAssigned, after.firstHeldAt(), after.firstAssignedAt());
    }
  }

  private static boolean isFirstHold(Placement placement) {
    return placement.firstHeldAt() != null && placement.firstHeldAt().equals(placement.updatedAt());
  }

  private static void record(Timer timer, Instant from, Instant to) {
    if (from != null && to != null && !to.isBefore(from)) {
      timer.record(Duration.between(from, to));
    }
  }

  private static Timer timer(MeterRegistry registry, String stage, String description) {
    return Timer.builder(NAME)
        .description(description)
        .tag("stage", stage)
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }
}
