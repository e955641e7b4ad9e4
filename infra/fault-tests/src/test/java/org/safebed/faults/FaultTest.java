package org.safebed.faults;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safebed.faults.support.FaultSuiteExtension;

/**
 * A fault-injection test: runs against {@link org.safebed.faults.support.FaultSuite}'s stack on the
 * suite's private RabbitMQ node, tagged {@code faults}. Skipped without RabbitMQ, except on CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("faults")
@ExtendWith(FaultSuiteExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
public @interface FaultTest {}
