package org.safebed.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.faults.support.EventTap;
import org.safebed.faults.support.FaultSuite;
import org.safebed.faults.support.Inboxes;
import org.safebed.faults.support.Journeys;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;

/**
 * A consumer dies after its handler stored the effect and before the broker heard the
 * acknowledgement, twenty times over (in each of the three services): the event comes back, is
 * handled again, and nothing is lost or done twice.
 */
@FaultTest
class ConsumerCrashFaultIT {

  private static final int KILLS = 20;
  private static final int JOURNEYS = 8;
  /** The effectful events each service handles, and how many first deliveries of each to kill. */
  private static final Map<StackApp, Map<String, Integer>> KILL_PLAN = Map.of(
      StackApps.TRANSPORT, Map.of("placement.bed-held.v1", 4, "placement.checked-in.v1", 3),
      StackApps.SHELTER_OCCUPANCY, Map.of("transport.assigned.v1", 7),
      StackApps.RENTAL_REFERRAL, Map.of("placement.checked-in.v1", 6));

  private static FaultSuite suite;
  private static Journeys journeys;

  @BeforeAll
  static void startSuite() {
    suite = FaultSuite.get();
    journeys = suite.journeys();
  }

  @Test
  void twentyConsumersKilledBetweenWriteAndAckLoseAndDuplicateNothing() {
    suite.awaitQuiet(Duration.ofSeconds(60));
    List<String> control = journeys.runToCompletion(2, Duration.ofSeconds(60));
    Journeys.Signature expected = journeys.signatures(control).get(control.get(0));

    Set<String> killed = ConcurrentHashMap.newKeySet();
    Map<String, Integer> killsLeft = new ConcurrentHashMap<>();
    KILL_PLAN.forEach((service, types) -> types.forEach((type, n) -> killsLeft.put(service.name() + "|" + type, n)));
    int killsBefore = suite.inboxes().kills();
    long deadLettersBefore = deadLetters();
    suite.inboxes().plan((service, message) -> {
      String key = service.name() + "|" + message.getMessageProperties().getType();
      String delivery = service.name() + "|" + message.getMessageProperties().getMessageId();
      // The system was quiet before: every event now belongs to this test's journeys.
      if (killed.contains(delivery)) {
        return Inboxes.Action.PROCESS;
      }
      Integer left = killsLeft.get(key);
      if (left == null || left == 0) {
        return Inboxes.Action.PROCESS;
      }
      killsLeft.put(key, left - 1);
      killed.add(delivery);
      return Inboxes.Action.KILL_BEFORE_ACK;
    });
    List<String> placements;
    try (EventTap tap = suite.tap(DuplicateDeliveryFaultIT.JOURNEY_EVENTS.toArray(String[]::new))) {
      try {
        placements = runJourneys();
        suite.awaitQuiet(Duration.ofSeconds(60));
      } finally {
        suite.inboxes().normal();
      }

      assertThat(suite.inboxes().kills() - killsBefore).as("consumers killed between write and ack").isEqualTo(KILLS);
      assertThat(killed).hasSize(KILLS);
      for (String delivery : killed) {
        String[] parts = delivery.split("\\|");
        StackApp service = FaultSuite.SERVICES.stream().filter(s -> s.name().equals(parts[0])).findFirst().orElseThrow();
        assertThat(suite.inboxes().deliveries(service, parts[1])).as("redelivered after the kill: " + delivery)
            .isGreaterThanOrEqualTo(2);
        assertThat(suite.inboxes().acks(service, parts[1])).as("acknowledged once handled again: " + delivery)
            .isGreaterThanOrEqualTo(1);
      }

      // 0 lost: every journey complete, as without kills.
      assertThat(journeys.signatures(placements).values()).allSatisfy(s -> assertThat(s).isEqualTo(expected));
      // 0 duplicated effects: each effect's event caused once per placement.
      for (String placementId : placements) {
        for (String type : DuplicateDeliveryFaultIT.JOURNEY_EVENTS) {
          assertThat(tap.distinct(type, placementId)).as(type + " of " + placementId).isEqualTo(1);
        }
      }
      assertThat(suite.db().referral().getCollection("residents")
          .countDocuments(com.mongodb.client.model.Filters.in("_id", placements))).isEqualTo(JOURNEYS);
      assertThat(deadLetters()).as("nothing dead-lettered").isEqualTo(deadLettersBefore);
    }
  }

  private List<String> runJourneys() {
    Journeys.CheckIns checkIns = journeys.checkIns();
    Thread thread = checkIns.start();
    try {
      List<String> ids = new java.util.ArrayList<>();
      for (int i = 0; i < JOURNEYS; i++) {
        String id = journeys.requestHeld();
        ids.add(id);
        checkIns.add(id);
        // One journey at a time keeps one kill from hitting the events of the next.
        journeys.awaitComplete(List.of(id), Duration.ofSeconds(45));
      }
      return ids;
    } finally {
      checkIns.stop();
      thread.interrupt();
    }
  }


  private static long deadLetters() {
    return FaultSuite.SERVICES.stream().mapToLong(s -> suite.ready(suite.deadLetterQueueOf(s))).sum();
  }
}
