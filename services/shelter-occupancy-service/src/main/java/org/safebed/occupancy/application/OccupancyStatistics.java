package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.BedCounts;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.PlacementTimeline;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.platform.web.statistics.ComplementarySuppression;
import org.springframework.stereotype.Component;

/**
 * Aggregate figures for coordinators. Small counts can point at a person (three girls placed in a
 * region this week), so every count below the minimum is suppressed, and so are percentiles taken
 * over fewer samples than that. A region's bed counts add up (in service = held + occupied +
 * available), so {@link ComplementarySuppression} hides enough of the others with a small one that
 * it cannot be worked out by subtraction.
 */
@Component
public class OccupancyStatistics {

  private final ShelterRepository shelters;
  private final BedRepository beds;
  private final PlacementRepository placements;
  private final OccupancyProperties properties;
  private final Clock clock;

  public OccupancyStatistics(ShelterRepository shelters, BedRepository beds, PlacementRepository placements,
      OccupancyProperties properties, Clock clock) {
    this.shelters = shelters;
    this.beds = beds;
    this.placements = placements;
    this.properties = properties;
    this.clock = clock;
  }

  /** A count, or null and suppressed below the minimum. */
  public record Count(Integer value, boolean suppressed) {}

  public record Percentiles(Double p50Minutes, Double p90Minutes, Count samples, boolean suppressed) {}

  public record RegionOccupancy(String region, Count inServiceBeds, Count held, Count occupied, Count available) {}

  /** The windows coordinators compare: the last day and the last week, both ending now. */
  public enum Window {
    DAY(Duration.ofDays(1)),
    WEEK(Duration.ofDays(7));

    private final Duration length;

    Window(Duration length) {
      this.length = length;
    }

    public Duration length() {
      return length;
    }
  }

  /**
   * @param window the window asked for, null for the configured one
   */
  public record Report(
      Instant generatedAt,
      Instant windowStart,
      Window window,
      int minimumCount,
      List<RegionOccupancy> occupancyByRegion,
      Percentiles requestToHold,
      Percentiles holdToCheckIn,
      Percentiles holdToTransportAssigned,
      Count waitlistLength,
      Count unmetDemand) {}

  /** Over the window given, or the configured one when none is. */
  public Report compute(Window window) {
    Instant now = clock.instant();
    Instant windowStart = now.minus(window == null ? properties.statisticsWindow() : window.length());
    int minimum = properties.statisticsMinimumCount();

    List<RegionOccupancy> regions = occupancyByRegion();

    List<Double> toHold = new ArrayList<>();
    List<Double> toCheckIn = new ArrayList<>();
    List<Double> toAssigned = new ArrayList<>();
    int unmet = 0;
    for (PlacementTimeline p : placements.timelinesCreatedSince(windowStart)) {
      if (p.relocatedFrom() != null) {
        continue; // relocations are moves of someone already placed, not new demand
      }
      if (p.firstHeldAt() != null) {
        toHold.add(minutes(p.createdAt(), p.firstHeldAt()));
        if (p.checkedInAt() != null) {
          toCheckIn.add(minutes(p.firstHeldAt(), p.checkedInAt()));
        }
        // Never negative: a driver is only assigned to a held bed, but clocks of two services differ.
        if (p.firstAssignedAt() != null && !p.firstAssignedAt().isBefore(p.firstHeldAt())) {
          toAssigned.add(minutes(p.firstHeldAt(), p.firstAssignedAt()));
        }
      } else if (p.status() == PlacementStatus.WAITLISTED || p.status().isFinal()) {
        unmet++;
      }
    }
    return new Report(now, windowStart, window, minimum, regions, percentiles(toHold, minimum),
        percentiles(toCheckIn, minimum), percentiles(toAssigned, minimum), count((int) placements.countByStatus(PlacementStatus.WAITLISTED), minimum),
        count(unmet, minimum));
  }

  /** Each region's beds now, by state, small cells suppressed so none can be worked out. */
  public List<RegionOccupancy> occupancyByRegion() {
    List<Shelter> all = shelters.findAll();
    Map<String, BedCounts> counts = beds.countByShelter(all.stream().map(Shelter::id).toList());
    Map<String, BedCounts> byRegion = new TreeMap<>();
    for (Shelter shelter : all) {
      BedCounts c = counts.getOrDefault(shelter.id(), BedCounts.NONE);
      byRegion.merge(shelter.region(), c, OccupancyStatistics::sum);
    }
    List<RegionOccupancy> regions = new ArrayList<>();
    int minimum = properties.statisticsMinimumCount();
    byRegion.forEach((region, c) -> regions.add(regionOccupancy(region, c, minimum)));
    return regions;
  }

  /** The cells of one region's beds, the total first: the relation they keep. */
  private enum BedCell { IN_SERVICE, HELD, OCCUPIED, AVAILABLE }

  static RegionOccupancy regionOccupancy(String region, BedCounts c, int minimum) {
    Map<BedCell, Long> cells = new EnumMap<>(BedCell.class);
    cells.put(BedCell.IN_SERVICE, (long) c.inService());
    cells.put(BedCell.HELD, (long) c.held());
    cells.put(BedCell.OCCUPIED, (long) c.occupied());
    cells.put(BedCell.AVAILABLE, (long) c.available());
    Set<BedCell> hidden = new ComplementarySuppression(minimum).suppressed(cells, List.of(List.of(BedCell.values())));
    return new RegionOccupancy(region, cell(c.inService(), hidden.contains(BedCell.IN_SERVICE)),
        cell(c.held(), hidden.contains(BedCell.HELD)), cell(c.occupied(), hidden.contains(BedCell.OCCUPIED)),
        cell(c.available(), hidden.contains(BedCell.AVAILABLE)));
  }

  private static Count cell(int value, boolean suppressed) {
    return suppressed ? new Count(null, true) : new Count(value, false);
  }

  static Count count(int value, int minimum) {
    return value < minimum ? new Count(null, true) : new Count(value, false);
  }

  static Percentiles percentiles(List<Double> samples, int minimum) {
    if (samples.size() < minimum) {
      return new Percentiles(null, null, count(samples.size(), minimum), true);
    }
    List<Double> sorted = samples.stream().sorted().toList();
    return new Percentiles(nearestRank(sorted, 50), nearestRank(sorted, 90), count(sorted.size(), minimum), false);
  }

  private static double nearestRank(List<Double> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
  }

  private static double minutes(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 60_000.0;
  }

  private static BedCounts sum(BedCounts a, BedCounts b) {
    return new BedCounts(a.available() + b.available(), a.held() + b.held(), a.occupied() + b.occupied(),
        a.outOfService() + b.outOfService(), a.retired() + b.retired());
  }
}
