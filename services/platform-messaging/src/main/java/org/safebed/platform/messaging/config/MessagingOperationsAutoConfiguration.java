package org.safebed.platform.messaging.config;

import org.safebed.platform.messaging.deadletter.DeadLetters;
import org.safebed.platform.messaging.operations.DeadLettersEndpoint;
import org.safebed.platform.messaging.operations.OutboxEndpoint;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.safebed.platform.messaging.retention.DeadLetterRetention;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Operator views of a service's messaging: {@code /actuator/outbox} and, for a consuming service,
 * {@code /actuator/deadletters}. Reachable over HTTP once the service exposes them
 * ({@code management.endpoints.web.exposure.include}); the platform's web security lets only
 * COORDINATOR tokens reach {@code /actuator/**} beyond health and info.
 */
@AutoConfiguration(after = PlatformMessagingAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
public class MessagingOperationsAutoConfiguration {

  @Bean
  @ConditionalOnBean(OutboxRelay.class)
  OutboxEndpoint outboxEndpoint(OutboxRelay relay) {
    return new OutboxEndpoint(relay);
  }

  @Bean
  @ConditionalOnBean(DeadLetters.class)
  DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
    return new DeadLettersEndpoint(deadLetters);
  }

  /** Old dead letters go with the retention sweep, when the service has one. */
  @Bean
  @ConditionalOnBean(DeadLetters.class)
  @ConditionalOnClass(name = "org.safebed.platform.web.retention.RetentionTask")
  DeadLetterRetention deadLetterRetention(DeadLetters deadLetters) {
    return new DeadLetterRetention(deadLetters);
  }
}
