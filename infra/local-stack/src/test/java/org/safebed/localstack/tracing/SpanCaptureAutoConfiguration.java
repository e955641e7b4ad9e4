package org.safebed.localstack.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.prometheus.metrics.tracer.common.SpanContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test classpath only: with {@code safebed.test.capture-spans=true} each application of the local
 * stack hands its finished spans to {@link CapturedSpans} (Boot's span processor exports to every
 * SpanExporter bean).
 *
 * <p>It also leaves trace ids out of the metrics (no Prometheus exemplars): Debian's Prometheus
 * 2.42, which PrometheusScrapeIT runs, drops a whole scrape that has an exemplar on a histogram's
 * {@code _count}; 2.43 and later (the 3.x of compose and Kubernetes) take them.
 */
@AutoConfiguration(before = PrometheusExemplarsAutoConfiguration.class)
@ConditionalOnClass(SpanExporter.class)
@ConditionalOnProperty(name = "safebed.test.capture-spans", havingValue = "true")
public class SpanCaptureAutoConfiguration {

  @Bean
  SpanExporter capturedSpans() {
    return CapturedSpans.ALL;
  }

  @Bean
  SpanContext noExemplars() {
    return new SpanContext() {
      @Override
      public String getCurrentTraceId() {
        return null;
      }

      @Override
      public String getCurrentSpanId() {
        return null;
      }

      @Override
      public boolean isCurrentSpanSampled() {
        return false;
      }

      @Override
      public void markCurrentSpanAsExemplar() {}
    };
  }
}
