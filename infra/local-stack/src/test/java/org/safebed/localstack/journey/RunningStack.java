package org.safebed.localstack.journey;

import java.util.UUID;
import org.safebed.localstack.LocalStack;
import org.safebed.platform.testing.TestBroker;

/**
 * One local stack for all end-to-end tests of this JVM: free ports, in-memory MongoDB, demo data,
 * and the test broker (the real RabbitMQ when it answers) under a namespace of its own, so durable
 * queues of earlier runs never feed this one.
 */
public final class RunningStack {

  private static LocalStack stack;

  private RunningStack() {}

  public static synchronized LocalStack get() {
    if (stack == null) {
      String namespace = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + ".";
      stack = LocalStack.start(LocalStack.Options.ephemeral()
          .withExternal(null, TestBroker.get().uri())
          .withProperty("safebed.messaging.namespace", namespace)
          .withProperty("safebed.messaging.delete-queues-on-shutdown", "true")
          .withProperty("safebed.messaging.relay-interval", "200ms")
          // Traces on, kept in memory (tracing.CapturedSpans) for PlacementTraceIT.
          .withProperty("safebed.test.capture-spans", "true")
          .withProperty("management.tracing.export.enabled", "true")
          .withProperty("management.opentelemetry.tracing.export.schedule-delay", "200ms")
          // LocationOracleIT drives an account into the churn limit: a short window frees it soon after.
          .withProperty("safebed.occupancy.churn.window", "20s")
          // The suites send hundreds of requests without a token, all from this one address.
          .withProperty("safebed.gateway.anonymous-rate-limit.requests-per-second", "1000")
          .withProperty("safebed.gateway.anonymous-rate-limit.burst", "100000"));
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
    }
    return stack;
  }

  public static GatewayClient client() {
    LocalStack running = get();
    return new GatewayClient(running.gatewayUrl(), running.tokenUrl());
  }
}
