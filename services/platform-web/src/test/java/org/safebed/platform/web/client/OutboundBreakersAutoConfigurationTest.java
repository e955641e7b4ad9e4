package org.safebed.platform.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OutboundBreakersAutoConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner().withConfiguration(
      AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
          OutboundBreakersAutoConfiguration.class));

  @Test
  void aBreakerTakenFromTheRegistryAfterStartIsExportedWithItsNameAndState() {
    context.run(app -> {
      CircuitBreaker breaker = app.getBean(CircuitBreakerRegistry.class)
          .circuitBreaker("routing", OutboundBreakers.countBased(10, 4, 50f, Duration.ofSeconds(30)).build());
      MeterRegistry meters = app.getBean(MeterRegistry.class);
      assertThat(state(meters, "routing", "closed")).isEqualTo(1.0);
      assertThat(state(meters, "routing", "open")).isZero();

      breaker.transitionToOpenState();

      assertThat(state(meters, "routing", "open")).isEqualTo(1.0);
      assertThat(state(meters, "routing", "closed")).isZero();
    });
  }

  @Test
  void anApplicationsOwnRegistryIsKeptAndExported() {
    CircuitBreakerRegistry own = CircuitBreakerRegistry.ofDefaults();
    own.circuitBreaker("map-tiles");
    context.withBean(CircuitBreakerRegistry.class, () -> own).run(app -> {
      assertThat(app.getBean(CircuitBreakerRegistry.class)).isSameAs(own);
      assertThat(state(app.getBean(MeterRegistry.class), "map-tiles", "closed")).isEqualTo(1.0);
    });
  }

  private static Double state(MeterRegistry meters, String name, String state) {
    var gauge = meters.find("resilience4j.circuitbreaker.state").tag("name", name).tag("state", state).gauge();
    return gauge == null ? null : gauge.value();
  }
}
