package org.safebed.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that proves broker-specific behaviour (dead-lettering, quorum queues, delivery
 * limits, broker restarts). Without a real RabbitMQ the class is skipped, except under
 * {@code CI=true}, where a missing RabbitMQ fails the run instead.
 *
 * <p>Classes only, on purpose: surefire and failsafe name a skipped class on the console
 * ({@code Skipped: 2 ... in DeadLetteringOnRabbitMqIT}) but not a skipped method, and a developer
 * without RabbitMQ must see which broker properties the run did not prove. Name such classes for
 * the behaviour and end them in {@code OnRabbitMqIT}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresRabbitMqCondition.class)
public @interface RequiresRabbitMq {}
