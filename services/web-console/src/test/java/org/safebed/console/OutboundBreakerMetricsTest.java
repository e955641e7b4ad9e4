package org.safebed.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every breaker the console calls through is in the metrics the on-call read, by its name. */
class OutboundBreakerMetricsTest extends ConsolePageTest {

  @Autowired MeterRegistry meters;

  @ParameterizedTest
  @ValueSource(strings = {"shelter-occupancy", "transport", "rental-referral", "shelter-occupancy-operations",
      "transport-operations", "rental-referral-operations", "map-tiles", "notifications-occupancy",
      "notifications-transport", "notifications-referral"})
  void theBreakersStateIsAMetricUnderItsName(String breaker) {
    Map<String, Double> states = new TreeMap<>();
    for (Gauge gauge : meters.find("resilience4j.circuitbreaker.state").tag("name", breaker).gauges()) {
      states.put(gauge.getId().getTag("state"), gauge.value());
    }
    // Exactly one state is 1: which one depends on what the page tests before this one met.
    assertThat(states).as(breaker).containsKeys("closed", "open", "half_open");
    assertThat(states.values()).as("%s: %s", breaker, states).allMatch(value -> value == 0.0 || value == 1.0)
        .containsOnlyOnce(1.0);
  }
}
