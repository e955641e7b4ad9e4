package org.safebed.occupancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.OccupancyStatistics.Window;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.PlacementTimeline;
import org.safebed.occupancy.domain.ShelterRepository;

/**
 * The window coordinators choose (the last day or week, or the configured one when they choose
 * none) and the time from a bed held to the first driver assigned, suppressed like the others.
 */
class OccupancyStatisticsWindowTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private final List<PlacementTimeline> timelines = new ArrayList<>();
  private final List<Instant> askedSince = new ArrayList<>();

  private final OccupancyStatistics statistics = new OccupancyStatistics(
      stub(ShelterRepository.class, "findAll", List.of()),
      stub(BedRepository.class, "countByShelter", Map.of()),
      placements(),
      new OccupancyProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          Duration.ofDays(30), 5, null, null, null, null, null, null),
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void eachWindowEndsNowAndStartsADayAWeekOrTheConfiguredPeriodBefore() {
    assertThat(statistics.compute(Window.DAY).windowStart()).isEqualTo(NOW.minus(Duration.ofDays(1)));
    assertThat(statistics.compute(Window.WEEK).windowStart()).isEqualTo(NOW.minus(Duration.ofDays(7)));
    OccupancyStatistics.Report configured = statistics.compute(null);
    assertThat(configured.windowStart()).isEqualTo(NOW.minus(Duration.ofDays(30)));
    assertThat(configured.window()).isNull();
    assertThat(statistics.compute(Window.WEEK).window()).isEqualTo(Window.WEEK);
    assertThat(askedSince).containsExactly(NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(7)),
        NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(7)));
  }

  @Test
  void holdToAssignedIsSuppressedInADayOfFourAndShownInAWeekOfSix() {
    // Today: four assigned after 10, 20, 30 and 40 minutes. Three days ago: two more, after 50 and 60.
    for (int minutes = 10; minutes <= 40; minutes += 10) {
      assigned(NOW.minus(Duration.ofHours(5)), minutes);
    }
    assigned(NOW.minus(Duration.ofDays(3)), 50);
    assigned(NOW.minus(Duration.ofDays(3)), 60);

    OccupancyStatistics.Percentiles day = statistics.compute(Window.DAY).holdToTransportAssigned();
    assertThat(day.suppressed()).isTrue();
    assertThat(day.p50Minutes()).isNull();
    assertThat(day.p90Minutes()).isNull();
    assertThat(day.samples()).isEqualTo(new OccupancyStatistics.Count(null, true));

    OccupancyStatistics.Percentiles week = statistics.compute(Window.WEEK).holdToTransportAssigned();
    assertThat(week.suppressed()).isFalse();
    assertThat(week.samples()).isEqualTo(new OccupancyStatistics.Count(6, false));
    assertThat(week.p50Minutes()).isEqualTo(30.0);
    assertThat(week.p90Minutes()).isEqualTo(60.0);
  }

  @Test
  void neverAssignedRelocatedOrAssignedBeforeTheHoldAreNoSample() {
    for (int i = 0; i < 5; i++) {
      assigned(NOW.minus(Duration.ofHours(2)), 15);
    }
    Instant created = NOW.minus(Duration.ofHours(1));
    Instant held = created.plusSeconds(60);
    timelines.add(new PlacementTimeline(PlacementStatus.HELD, null, created, held, null, null));
    timelines.add(new PlacementTimeline(PlacementStatus.HELD, "placement-before", created, held, null,
        held.plusSeconds(600)));
    timelines.add(new PlacementTimeline(PlacementStatus.HELD, null, created, held, null, held.minusSeconds(5)));

    OccupancyStatistics.Percentiles day = statistics.compute(Window.DAY).holdToTransportAssigned();
    assertThat(day.samples().value()).isEqualTo(5);
    assertThat(day.p90Minutes()).isEqualTo(15.0);
    assertThat(statistics.compute(Window.DAY).requestToHold().samples().value()).as("the others still count").isEqualTo(7);
  }

  private void assigned(Instant created, int minutesFromHoldToDriver) {
    Instant held = created.plus(Duration.ofMinutes(2));
    timelines.add(new PlacementTimeline(PlacementStatus.CHECKED_IN, null, created, held,
        held.plus(Duration.ofHours(2)), held.plus(Duration.ofMinutes(minutesFromHoldToDriver))));
  }

  /** Only what statistics read: placements created since a time, and the waitlist's length. */
  private PlacementRepository placements() {
    return (PlacementRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PlacementRepository.class}, (proxy, method, args) -> switch (method.getName()) {
          case "timelinesCreatedSince" -> {
            Instant since = (Instant) args[0];
            askedSince.add(since);
            yield timelines.stream().filter(t -> !t.createdAt().isBefore(since)).toList();
          }
          case "countByStatus" -> 0L;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @SuppressWarnings("unchecked")
  private static <T> T stub(Class<T> type, String name, Object answer) {
    return (T) Proxy.newProxyInstance(OccupancyStatisticsWindowTest.class.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getName().equals(name)) {
            return answer;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
