package org.safebed.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that proves broker-specific behaviour (dead-lettering, quorum queues, delivery
 * limits, broker restarts). Without a real RabbitMQ it is skipped with a printed notice, except under
 * {@code CI=true}, where a missing RabbitMQ fails the run instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresRabbitMqCondition.class)
public @interface RequiresRabbitMq {}
