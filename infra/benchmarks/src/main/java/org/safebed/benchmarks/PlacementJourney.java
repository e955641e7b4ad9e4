package org.safebed.benchmarks;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Police request to bed held to transport assigned, one placement after another through the
 * gateway, so every number is one person's wait on an otherwise quiet system. Each placement comes
 * from the next load-test police account ({@link PoliceAccounts}), which also follows it.
 *
 * <p>Per placement: the request's round trip (201 = bed held); then, from the moment the 201 was
 * received, when the broker routed {@code placement.bed-held.v1} and {@code transport.assigned.v1}
 * (seen by {@link EventWatch}), and when police see transport ASSIGNED on the placement, polled
 * every {@value #POLL_MILLIS} ms.
 */
final class PlacementJourney {

  static final long POLL_MILLIS = 10;
  static final long ASSIGNED_WITHIN_MILLIS = 10_000;

  /** A placement held, and the police account that requested it (the one that may read it). */
  record Held(String placementId, String account) {}

  /**
   * What the run measured, in milliseconds; {@code failures} counts requests not answered 201;
   * {@code held} the placements held, in order.
   */
  record Result(Latencies requestToHold, Latencies holdToBedHeldEvent, Latencies holdToAssignedEvent,
      Latencies holdToAssignedVisible, double firstRequestMillis, int failures, int neverAssigned,
      String firstFailure, java.util.List<Held> held) {}

  private final SafeBedClient client;
  private final String gatewayUrl;
  private final EventWatch events;
  private final PoliceAccounts police;

  PlacementJourney(SafeBedClient client, String gatewayUrl, EventWatch events, PoliceAccounts police) {
    this.client = client;
    this.gatewayUrl = gatewayUrl;
    this.events = events;
    this.police = police;
  }

  /** Runs {@code warmUp} unrecorded placements (the JIT's first compilations), then {@code count}. */
  Result run(int warmUp, int count) throws InterruptedException {
    client.authenticateAll(police.upcoming(warmUp + count));
    double first = Double.NaN;
    for (int i = 0; i < warmUp; i++) {
      Sample sample = placeOne();
      if (i == 0) {
        first = sample.requestMillis();
      }
    }
    double[] requestToHold = new double[count];
    double[] toBedHeld = new double[count];
    double[] toAssignedEvent = new double[count];
    double[] toAssignedVisible = new double[count];
    int held = 0;
    int bedHeldSeen = 0;
    int assignedSeen = 0;
    int assignedVisible = 0;
    int failures = 0;
    String firstFailure = "";
    java.util.List<Held> placed = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      Sample sample = placeOne();
      if (!sample.held()) {
        failures++;
        firstFailure = firstFailure.isEmpty() ? sample.failure() : firstFailure;
        continue;
      }
      requestToHold[held++] = sample.requestMillis();
      placed.add(new Held(sample.placementId(), sample.account()));
      if (!Double.isNaN(sample.bedHeldEventMillis())) {
        toBedHeld[bedHeldSeen++] = sample.bedHeldEventMillis();
      }
      if (!Double.isNaN(sample.assignedEventMillis())) {
        toAssignedEvent[assignedSeen++] = sample.assignedEventMillis();
      }
      if (!Double.isNaN(sample.assignedVisibleMillis())) {
        toAssignedVisible[assignedVisible++] = sample.assignedVisibleMillis();
      }
    }
    return new Result(
        Latencies.of(Arrays.copyOf(requestToHold, held)),
        Latencies.of(Arrays.copyOf(toBedHeld, bedHeldSeen)),
        Latencies.of(Arrays.copyOf(toAssignedEvent, assignedSeen)),
        Latencies.of(Arrays.copyOf(toAssignedVisible, assignedVisible)),
        first, failures, held - assignedVisible, firstFailure, java.util.List.copyOf(placed));
  }

  private record Sample(boolean held, String placementId, String account, double requestMillis,
      double bedHeldEventMillis, double assignedEventMillis, double assignedVisibleMillis, String failure) {}

  private Sample placeOne() throws InterruptedException {
    String account = police.next();
    SafeBedClient.Reply reply = PoliceRequests.request(client, gatewayUrl, account);
    long heldAt = System.nanoTime();
    if (reply.status() != 201) {
      return new Sample(false, null, account, reply.millis(), Double.NaN, Double.NaN, Double.NaN,
          "HTTP " + reply.status() + " " + abbreviate(reply.body()));
    }
    String placementId = reply.json().get("id").asString();
    double visible = Double.NaN;
    long deadline = heldAt + ASSIGNED_WITHIN_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      SafeBedClient.Reply placement = client.get(gatewayUrl, account, "/api/placements/" + placementId);
      if (placement.status() == 200
          && "ASSIGNED".equals(placement.json().path("transport").path("status").asString())) {
        visible = millisSince(heldAt, System.nanoTime());
        break;
      }
      Thread.sleep(POLL_MILLIS);
    }
    // Police see ASSIGNED only after the event went through the broker, so it is there by now.
    OptionalLong assigned = events.awaitAssigned(placementId, Double.isNaN(visible) ? 0 : 2_000);
    OptionalLong bedHeld = events.bedHeldAt(placementId);
    return new Sample(true, placementId, account, reply.millis(),
        bedHeld.isPresent() ? millisSince(heldAt, bedHeld.getAsLong()) : Double.NaN,
        assigned.isPresent() ? millisSince(heldAt, assigned.getAsLong()) : Double.NaN,
        visible, "");
  }

  /**
   * The relay may publish before the 201 reaches the client; such an event counts as 0 ms after
   * the hold rather than a negative time.
   */
  private static double millisSince(long fromNanos, long toNanos) {
    return Math.max(0, toNanos - fromNanos) / 1e6;
  }

  static String abbreviate(String body) {
    return body == null ? "" : body.length() <= 160 ? body : body.substring(0, 160) + "...";
  }
}
