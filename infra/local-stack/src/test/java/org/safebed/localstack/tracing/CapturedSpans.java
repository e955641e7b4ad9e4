package org.safebed.localstack.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * The spans every application of the local stack in this JVM finished, kept in memory for the
 * tests (the newest {@link #KEPT}): the in-memory exporter the tracing test reads instead of an
 * OTLP collector. One instance for all applications, so one trace can be followed across them.
 */
public final class CapturedSpans implements SpanExporter {

  static final CapturedSpans ALL = new CapturedSpans();
  private static final int KEPT = 20_000;

  private final Deque<SpanData> spans = new ArrayDeque<>();

  private CapturedSpans() {}

  @Override
  public synchronized CompletableResultCode export(Collection<SpanData> finished) {
    for (SpanData span : finished) {
      if (spans.size() == KEPT) {
        spans.removeFirst();
      }
      spans.addLast(span);
    }
    return CompletableResultCode.ofSuccess();
  }

  /** The spans of one trace, in the order they finished. */
  public static synchronized List<SpanData> ofTrace(String traceId) {
    return ALL.spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
