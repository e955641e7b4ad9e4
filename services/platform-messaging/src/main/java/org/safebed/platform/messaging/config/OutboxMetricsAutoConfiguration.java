package org.safebed.platform.messaging.config;

import java.time.Clock;
import org.safebed.platform.messaging.deadletter.DeadLetters;
import org.safebed.platform.messaging.operations.DeadLetterMetrics;
import org.safebed.platform.messaging.operations.OutboxMetrics;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The outbox and dead-letter gauges ({@link OutboxMetrics}, {@link DeadLetterMetrics}) wherever Micrometer is on the classpath. */
@AutoConfiguration(after = PlatformMessagingAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
public class OutboxMetricsAutoConfiguration {

  @Bean
  @ConditionalOnBean(OutboxRelay.class)
  OutboxMetrics outboxMetrics(OutboxRelay relay, Clock clock) {
    return new OutboxMetrics(relay, clock);
  }

  @Bean
  @ConditionalOnBean(DeadLetters.class)
  DeadLetterMetrics deadLetterMetrics(DeadLetters deadLetters, ObjectProvider<Clock> clock) {
    return new DeadLetterMetrics(deadLetters, clock.getIfUnique(Clock::systemUTC));
  }
}
