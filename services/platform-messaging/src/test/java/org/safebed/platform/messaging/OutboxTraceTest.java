package org.safebed.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

/**
 * An event keeps the trace of the work that recorded it, and its message carries it as the W3C
 * {@code traceparent} header, never in the body; outside any trace there is nothing to carry.
 */
class OutboxTraceTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  @Test
  void anEventRecordedInATraceIsPublishedWithItsTraceparent() {
    SpanContext request = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());
    OutboxEvent event;
    try (Scope ignored = Span.wrap(request).makeCurrent()) {
      event = OutboxEvent.of("placement.bed-held.v1", "plc-1", "plc-1", Map.of("region", "north"));
    }

    Document stored = event.toDocument();
    Message message = new EventWireFormat().toMessage(stored);

    assertThat(stored.getString(OutboxEvent.TRACE_PARENT_FIELD)).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
    assertThat((String) message.getMessageProperties().getHeader("traceparent")).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
    assertThat(new String(message.getBody())).doesNotContain(TRACE);
  }

  @Test
  void anEventRecordedOutsideATraceCarriesNone() {
    Document stored = OutboxEvent.of("placement.bed-held.v1", "plc-2", "plc-2", Map.of()).toDocument();

    assertThat(stored).doesNotContainKey(OutboxEvent.TRACE_PARENT_FIELD);
    assertThat(new EventWireFormat().toMessage(stored).getMessageProperties().getHeaders()).doesNotContainKey("traceparent");
  }
}
