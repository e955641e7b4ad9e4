package org.safebed.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every breaker the console calls through is in the metrics the on-call read, by its name. */
class OutboundBreakerMetricsTest extends ConsolePageTest {

  @Autowired MeterRegistry meters;

  @ParameterizedTest
  @ValueSource(strings = {"shelter-occupancy", "transport", "rental-referral", "shelter-occupancy-operations",
      "transport-operations", "rental-referral-operations", "map-tiles"})
  void theBreakersStateIsAMetricUnderItsName(String breaker) {
    assertThat(state(breaker, "closed")).as(breaker).isNotNull()
        .satisfies(closed -> assertThat(closed.value()).isEqualTo(1.0));
    assertThat(state(breaker, "open")).as(breaker).isNotNull()
        .satisfies(open -> assertThat(open.value()).isZero());
  }

  private Gauge state(String breaker, String state) {
    return meters.find("resilience4j.circuitbreaker.state").tag("name", breaker).tag("state", state).gauge();
  }
}
