package org.safebed.localstack.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.safebed.localstack.journey.GatewayClient;
import org.safebed.localstack.journey.JourneySteps;
import org.safebed.localstack.journey.RunningStack;

/**
 * One placement, one trace: the police request enters the gateway, occupancy holds the bed and
 * records its event, the relay publishes it later from its own thread (the trace context travels
 * in the outbox and then the message's {@code traceparent} header), and transport's consumer
 * continues the same trace. The spans come from the stack's in-memory exporter.
 */
class PlacementTraceIT {

  private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

  @Test
  void aPlacementsTraceSpansTheGatewayOccupancyTheBrokerHopAndTransport() {
    GatewayClient gateway = RunningStack.client();
    String traceId = HexFormat.of().formatHex(randomBytes(16));
    String traceParent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

    GatewayClient.Reply placed = gateway.post("demo-police", "/api/placements", """
        {"policeCaseRef": "PJ-TRACE-%s", "person": {"ageYears": 15, "gender": "FEMALE"}, "needs": [],
         "location": {"lat": 48.9362, "lon": 2.3574}}""".formatted(UUID.randomUUID().toString().substring(0, 6)),
        Map.of("Idempotency-Key", UUID.randomUUID().toString(), "traceparent", traceParent));
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<SpanData> trace = CapturedSpans.ofTrace(traceId);
      assertThat(trace).extracting(span -> span.getResource().getAttribute(SERVICE))
          .contains("gateway", "shelter-occupancy-service", "transport-service");
      assertThat(trace).as("the request into occupancy")
          .anyMatch(span -> span.getKind() == SpanKind.SERVER
              && "shelter-occupancy-service".equals(span.getResource().getAttribute(SERVICE)));
      assertThat(trace).as("the broker hop: transport consuming occupancy's event")
          .anyMatch(span -> span.getKind() == SpanKind.CONSUMER
              && "transport-service".equals(span.getResource().getAttribute(SERVICE)));
    });
    // Spans name operations and routes, never what was sent: no case reference, no place.
    assertThat(CapturedSpans.ofTrace(traceId)).allSatisfy(span ->
        assertThat(span.getName() + span.getAttributes()).doesNotContain("PJ-TRACE", "48.93"));
    JourneySteps.cancelAndFreeItsDriver(gateway, "demo-police", placed.json().get("id").asString());
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    ThreadLocalRandom.current().nextBytes(bytes);
    bytes[0] |= 1; // never the all-zero (invalid) id
    return bytes;
  }
}
