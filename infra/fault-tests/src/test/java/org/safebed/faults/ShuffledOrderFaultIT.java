package org.safebed.faults;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.faults.support.FaultSuite;
import org.safebed.faults.support.Journeys;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;
import org.safebed.platform.testing.SyntheticEvents;
import org.springframework.amqp.core.Message;

/**
 * The events of one placement delivered in a shuffled order, 50 seeded permutations for each
 * consumer: the stored state equals what delivery in order leaves. The producer is played by the
 * test (so it can choose the order), and the consumers that would react to what the consumer under
 * test publishes are paused meanwhile and their queues emptied afterwards.
 */
@FaultTest
class ShuffledOrderFaultIT {

  private static final int PERMUTATIONS = 50;
  private static final int IN_ORDER = 3;
  private static FaultSuite suite;
  private static Journeys journeys;

  @BeforeAll
  static void startSuite() {
    suite = FaultSuite.get();
    journeys = suite.journeys();
  }

  /** One placement's events as the test publishes them. */
  private interface Script {
    List<Message> events(String placementId, Instant base);
  }

  @Test
  void occupancyEndsInTheSameStateWhateverOrderTransportEventsArriveIn() {
    suite.awaitQuiet(Duration.ofSeconds(60));
    List<List<Integer>> orders = distinctShuffles(5, PERMUTATIONS);
    suite.inboxes().pause(suite.stack(), StackApps.TRANSPORT);
    try {
      List<String> placements = IntStream.range(0, IN_ORDER + PERMUTATIONS).mapToObj(i -> journeys.requestHeld()).toList();
      Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      // Two assignments with a failure between them, then the drive: what transport may say.
      Script script = (p, t) -> List.of(
          transport("transport.assigned.v1", p, t.plusSeconds(1), Map.of("driverId", "drv-fault-a", "etaMinutes", 120, "etaSource", "ROUTED")),
          transport("transport.failed.v1", p, t.plusSeconds(2), Map.of("reason", "DRIVER_DECLINED")),
          transport("transport.assigned.v1", p, t.plusSeconds(3), Map.of("driverId", "drv-fault-b", "etaMinutes", 90, "etaSource", "ROUTED")),
          transport("transport.picked-up.v1", p, t.plusSeconds(4), Map.of()),
          transport("transport.delivered.v1", p, t.plusSeconds(5), Map.of()));

      Map<String, Object> expected = runScripts(script, placements, base, orders,
          List.of(StackApps.SHELTER_OCCUPANCY, StackApps.RENTAL_REFERRAL), p -> placementState(p, base));
      assertThat(expected).containsEntry("transport.status", "DELIVERED").containsEntry("transport.driverId", "drv-fault-b");
    } finally {
      suite.awaitQuiet(Duration.ofSeconds(30), List.of(StackApps.SHELTER_OCCUPANCY));
      suite.purge(suite.inboxOf(StackApps.TRANSPORT)); // bed-held of these placements: transport never knew them
      suite.inboxes().resume(suite.stack(), StackApps.TRANSPORT);
    }
  }

  @Test
  void transportEndsInTheSameStateWhateverOrderPlacementEventsArriveIn() {
    suite.awaitQuiet(Duration.ofSeconds(60));
    List<List<Integer>> orders = seededShuffles(2, PERMUTATIONS);
    suite.inboxes().pause(suite.stack(), StackApps.SHELTER_OCCUPANCY);
    try {
      List<String> placements = IntStream.range(0, IN_ORDER + PERMUTATIONS).mapToObj(i -> "fault-t-" + UUID.randomUUID()).toList();
      Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      Script script = (p, t) -> List.of(bedHeld(p, t.plusSeconds(1)), checkedIn(p, t.plusSeconds(2)));

      Map<String, Object> expected = runScripts(script, placements, base, orders,
          List.of(StackApps.TRANSPORT, StackApps.RENTAL_REFERRAL), ShuffledOrderFaultIT::jobState);
      assertThat(expected).containsEntry("job.status", "COMPLETED").containsEntry("drivers.claimed", 0);
    } finally {
      suite.awaitQuiet(Duration.ofSeconds(30), List.of(StackApps.TRANSPORT));
      suite.purge(suite.inboxOf(StackApps.SHELTER_OCCUPANCY)); // assignments for placements occupancy never had
      suite.inboxes().resume(suite.stack(), StackApps.SHELTER_OCCUPANCY);
    }
  }

  @Test
  void rentalReferralEndsInTheSameStateWhateverOrderPlacementEventsArriveIn() {
    suite.awaitQuiet(Duration.ofSeconds(60));
    List<List<Integer>> orders = seededShuffles(2, PERMUTATIONS);
    List<String> placements = IntStream.range(0, IN_ORDER + PERMUTATIONS).mapToObj(i -> "fault-r-" + UUID.randomUUID()).toList();
    Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Script script = (p, t) -> List.of(checkedIn(p, t.plusSeconds(1)), checkedOut(p, t.plusSeconds(2)));

    Map<String, Object> expected = runScripts(script, placements, base, orders, FaultSuite.SERVICES,
        p -> residentState(p, base));
    assertThat(expected).containsEntry("status", "CHECKED_OUT").containsEntry("region", "central");
  }

  /**
   * Publishes the script of the first placements in order and of the others each in one of
   * {@code orders}; returns the in-order state after checking every shuffled one equals it.
   */
  private Map<String, Object> runScripts(Script script, List<String> placements, Instant base,
      List<List<Integer>> orders, List<StackApp> consumers, Function<String, Map<String, Object>> state) {
    for (int i = 0; i < placements.size(); i++) {
      List<Message> events = script.events(placements.get(i), base);
      List<Integer> order = i < IN_ORDER ? IntStream.range(0, events.size()).boxed().toList() : orders.get(i - IN_ORDER);
      for (int index : order) {
        SyntheticEvents.publish(suite.rabbit(), suite.exchange(), events.get(index));
      }
    }
    suite.awaitQuiet(Duration.ofSeconds(90), consumers);

    Map<String, Object> inOrder = state.apply(placements.get(0));
    for (int i = 1; i < IN_ORDER; i++) {
      assertThat(state.apply(placements.get(i))).as("in order, placement " + i).isEqualTo(inOrder);
    }
    for (int i = IN_ORDER; i < placements.size(); i++) {
      assertThat(state.apply(placements.get(i)))
          .as("events in the order %s (seeded permutation %d)", orders.get(i - IN_ORDER), i - IN_ORDER)
          .isEqualTo(inOrder);
    }
    return inOrder;
  }

  // --- what each consumer stored, with its own ids and times made relative ---

  private static Map<String, Object> placementState(String placementId, Instant base) {
    Document p = suite.db().occupancy().getCollection("placements").find(eq("_id", placementId)).first();
    Document t = p.get("transport", Document.class);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("status", p.getString("status"));
    state.put("transport.status", t.getString("status"));
    state.put("transport.jobId", ("job-" + placementId).equals(t.getString("jobId")) ? "job-<placement>" : t.getString("jobId"));
    state.put("transport.driverId", t.getString("driverId"));
    state.put("transport.etaMinutes", t.get("etaMinutes"));
    state.put("transport.statusAt", relative(t.getDate("statusAt"), base));
    state.put("transport.driverAt", relative(t.getDate("driverAt"), base));
    state.put("hold.expiresAt", relative(p.get("hold", Document.class).getDate("expiresAt"), base));
    state.put("pendingEvents", p.getList("pendingEvents", Object.class, List.of()).size());
    return state;
  }

  /** The job: whether and how it ended; drivers it still binds. Details of a job never driven differ by design. */
  private static Map<String, Object> jobState(String placementId) {
    List<Document> jobs = suite.db().transport().getCollection("transport_jobs").find(eq("placementId", placementId))
        .into(new ArrayList<>());
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("jobs", jobs.size());
    state.put("job.status", jobs.isEmpty() ? null : jobs.get(0).getString("status"));
    state.put("job.pendingEvents", jobs.isEmpty() ? 0 : jobs.get(0).getList("pendingEvents", Object.class, List.of()).size());
    state.put("drivers.claimed", (int) suite.db().transport().getCollection("drivers")
        .countDocuments(eq("currentJobId", "job-" + placementId)));
    return state;
  }

  private static Map<String, Object> residentState(String placementId, Instant base) {
    Document resident = suite.db().referral().getCollection("residents").find(eq("_id", placementId)).first();
    Map<String, Object> state = new LinkedHashMap<>();
    if (resident == null) {
      return state;
    }
    resident.forEach((field, value) -> {
      if (!field.equals("_id")) {
        state.put(field, value instanceof Date date ? relative(date, base) : value);
      }
    });
    return state;
  }

  private static Object relative(Date date, Instant base) {
    return date == null ? null : Duration.between(base, date.toInstant()).toString();
  }

  // --- the events a producer would publish ---

  private static Message transport(String type, String placementId, Instant at, Map<String, Object> extra) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", "job-" + placementId);
    data.put("placementId", placementId);
    data.putAll(extra);
    return SyntheticEvents.event(type, "job-" + placementId, placementId, at, data);
  }

  private static Message bedHeld(String placementId, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("placementId", placementId);
    data.put("shelterId", "shelter-central-1");
    data.put("shelterCodeName", "Kestrel");
    data.put("region", "central");
    data.put("minor", true);
    data.put("pickupArea", Map.of("lat", 48.94, "lon", 2.36));
    data.put("destinationArea", Map.of("lat", 48.9, "lon", 2.4));
    data.put("holdExpiresAt", at.plus(Duration.ofMinutes(60)).toString());
    return SyntheticEvents.event("placement.bed-held.v1", placementId, placementId, at, data);
  }

  private static Message checkedIn(String placementId, Instant at) {
    return SyntheticEvents.event("placement.checked-in.v1", placementId, placementId, at,
        Map.of("placementId", placementId, "shelterId", "shelter-central-1", "region", "central"));
  }

  private static Message checkedOut(String placementId, Instant at) {
    return SyntheticEvents.event("placement.checked-out.v1", placementId, placementId, at,
        Map.of("placementId", placementId, "shelterId", "shelter-central-1", "reason", "MOVED_TO_RENTAL"));
  }

  // --- orders ---

  /** {@code count} different permutations of {@code size} events, none the order itself, from seeds 0, 1, ... */
  static List<List<Integer>> distinctShuffles(int size, int count) {
    List<Integer> identity = IntStream.range(0, size).boxed().toList();
    Set<List<Integer>> orders = new LinkedHashSet<>();
    for (long seed = 0; orders.size() < count; seed++) {
      List<Integer> order = shuffled(size, seed);
      if (!order.equals(identity)) {
        orders.add(order);
      }
    }
    return List.copyOf(orders);
  }

  /**
   * Seeded shuffles of a short script. Two events have only two orders; the test checks both occur
   * often (java.util.Random's first draws for small consecutive seeds hardly differ: not used).
   */
  static List<List<Integer>> seededShuffles(int size, int count) {
    List<List<Integer>> orders = new ArrayList<>();
    for (long seed = 0; seed < count; seed++) {
      orders.add(shuffled(size, seed));
    }
    List<Integer> identity = IntStream.range(0, size).boxed().toList();
    long reversed = orders.stream().filter(o -> !o.equals(identity)).count();
    assertThat(reversed).as("shuffles that change the order").isBetween(10L, count - 10L);
    return orders;
  }

  private static List<Integer> shuffled(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> order = new ArrayList<>(IntStream.range(0, size).boxed().toList());
    for (int i = size - 1; i > 0; i--) {
      Collections.swap(order, i, random.nextInt(i + 1));
    }
    return List.copyOf(order);
  }
}
