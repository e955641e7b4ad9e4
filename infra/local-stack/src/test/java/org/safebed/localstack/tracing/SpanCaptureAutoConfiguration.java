package org.safebed.localstack.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Test classpath only: with {@code safebed.test.capture-spans=true} each application of the local
 * stack hands its finished spans to {@link CapturedSpans} (Boot's span processor exports to every
 * SpanExporter bean).
 */
@AutoConfiguration
@ConditionalOnClass(SpanExporter.class)
@ConditionalOnProperty(name = "safebed.test.capture-spans", havingValue = "true")
public class SpanCaptureAutoConfiguration {

  @Bean
  SpanExporter capturedSpans() {
    return CapturedSpans.ALL;
  }
}
