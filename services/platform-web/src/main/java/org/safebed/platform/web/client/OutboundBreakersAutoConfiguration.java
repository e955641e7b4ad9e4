package org.safebed.platform.web.client;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * One registry for every outbound circuit breaker of an application, so that each one's state is
 * exported ({@code resilience4j_circuitbreaker_state{name, state}}) and the "breaker open" alert can
 * see it. Callers take their breaker from the registry by a fixed name (never an id) with their own
 * configuration: {@code registry.circuitBreaker(name, config)}.
 *
 * <p>Where Resilience4j's Spring Boot support is on the classpath (it comes with Spring Cloud
 * CircuitBreaker), its registry is used, and so are its metrics when it binds them itself.
 */
@AutoConfiguration(afterName = {
    "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
    "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerMetricsAutoConfiguration",
    "org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JAutoConfiguration"})
public class OutboundBreakersAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CircuitBreakerRegistry circuitBreakerRegistry() {
    return CircuitBreakerRegistry.ofDefaults();
  }

  /** Bound to the meter registry by Spring Boot (a MeterBinder); breakers made later are followed. */
  @Bean
  @ConditionalOnMissingBean({TaggedCircuitBreakerMetrics.class, TaggedCircuitBreakerMetricsPublisher.class})
  TaggedCircuitBreakerMetrics outboundBreakerMetrics(CircuitBreakerRegistry breakers) {
    return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers);
  }
}
