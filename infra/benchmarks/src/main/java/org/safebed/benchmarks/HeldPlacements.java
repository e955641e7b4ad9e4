package org.safebed.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each placement of a Gatling run was answered 201 (System.nanoTime, in this JVM), for the
 * benchmark to time it to {@code transport.assigned.v1} with its {@link EventWatch}: Gatling
 * times requests, not what the system does after answering them.
 */
final class HeldPlacements {

  private static final Map<String, Long> heldAt = new ConcurrentHashMap<>();

  private HeldPlacements() {}

  static void held(String placementId, long nanos) {
    heldAt.putIfAbsent(placementId, nanos);
  }

  /** What was recorded since the last call, and forgets it. */
  static Map<String, Long> drain() {
    Map<String, Long> recorded = Map.copyOf(heldAt);
    heldAt.keySet().removeAll(recorded.keySet());
    return recorded;
  }
}
