package org.safebed.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.faults.support.EventTap;
import org.safebed.faults.support.FaultSuite;
import org.safebed.faults.support.Journeys;
import org.safebed.faults.support.Journeys.Signature;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;

/**
 * Every event of a journey delivered three times (the original and two copies, at once), and every
 * one of them again twice after the journey ended: the stored state is what single delivery gives.
 */
@FaultTest
class DuplicateDeliveryFaultIT {

  static final List<String> JOURNEY_EVENTS =
      List.of("placement.bed-held.v1", "transport.assigned.v1", "placement.checked-in.v1");
  /** Who consumes each of them. */
  static final Map<String, List<StackApp>> CONSUMERS = Map.of(
      "placement.bed-held.v1", List.of(StackApps.TRANSPORT),
      "transport.assigned.v1", List.of(StackApps.SHELTER_OCCUPANCY),
      "placement.checked-in.v1", List.of(StackApps.TRANSPORT, StackApps.RENTAL_REFERRAL));
  private static final int JOURNEYS = 8;

  private static FaultSuite suite;
  private static Journeys journeys;

  @BeforeAll
  static void startSuite() {
    suite = FaultSuite.get();
    journeys = suite.journeys();
  }

  @Test
  void everyEventDeliveredThreeTimesLeavesTheStateOfSingleDelivery() {
    suite.awaitQuiet(Duration.ofSeconds(60));
    List<String> once;
    Map<String, Long> eventsPerJourneyOnce;
    try (EventTap tap = suite.tap(JOURNEY_EVENTS.toArray(String[]::new))) {
      once = journeys.runToCompletion(JOURNEYS, Duration.ofSeconds(60));
      suite.awaitQuiet(Duration.ofSeconds(30));
      eventsPerJourneyOnce = publishedPerType(tap, once.get(0));
    }

    try (EventTap tap = suite.tap(JOURNEY_EVENTS.toArray(String[]::new))) {
      tap.duplicateEach(2);
      List<String> thrice = journeys.runToCompletion(JOURNEYS, Duration.ofSeconds(90));
      suite.awaitQuiet(Duration.ofSeconds(60));
      tap.duplicateEach(0);
      List<EventTap.Seen> delivered = tap.seen();

      // Each consumer really got each event three times, and the journeys caused no more events.
      assertThat(delivered).hasSizeGreaterThanOrEqualTo(JOURNEYS * JOURNEY_EVENTS.size());
      assertDeliveredAtLeast(delivered, 3);
      for (String placementId : thrice) {
        assertThat(publishedPerType(tap, placementId)).as(placementId).isEqualTo(eventsPerJourneyOnce);
      }

      // Single and triple delivery end in the same state, down to how often each record was written.
      Set<Signature> single = new HashSet<>(journeys.signatures(once).values());
      Set<Signature> triple = new HashSet<>(journeys.signatures(thrice).values());
      assertThat(single).hasSize(1);
      assertThat(triple).isEqualTo(single);

      // Late duplicates of everything, after the journeys ended, change nothing at all.
      Map<String, Document> before = snapshot(thrice);
      long deadLettersBefore = deadLetters();
      tap.redeliver(delivered, 2);
      suite.awaitQuiet(Duration.ofSeconds(60));
      assertDeliveredAtLeast(delivered, 5);
      assertThat(snapshot(thrice)).isEqualTo(before);
      assertThat(deadLetters()).as("no duplicate was dead-lettered").isEqualTo(deadLettersBefore);
    }
  }

  private static void assertDeliveredAtLeast(List<EventTap.Seen> events, int times) {
    for (EventTap.Seen event : events) {
      for (StackApp consumer : CONSUMERS.get(event.type())) {
        assertThat(suite.inboxes().deliveries(consumer, event.eventId()))
            .as(event.type() + " to " + consumer.name()).isGreaterThanOrEqualTo(times);
      }
    }
  }

  private static Map<String, Long> publishedPerType(EventTap tap, String placementId) {
    Map<String, Long> counts = new TreeMap<>();
    for (String type : JOURNEY_EVENTS) {
      counts.put(type, tap.distinct(type, placementId));
    }
    return counts;
  }

  /** Every stored record of these journeys, as stored (timestamps and versions included). */
  private static Map<String, Document> snapshot(List<String> placements) {
    Map<String, Document> records = new LinkedHashMap<>();
    var in = com.mongodb.client.model.Filters.in("placementId", placements);
    suite.db().occupancy().getCollection("placements").find(com.mongodb.client.model.Filters.in("_id", placements))
        .forEach((Document d) -> records.put("placement/" + d.get("_id"), d));
    suite.db().occupancy().getCollection("beds").find(in)
        .forEach((Document d) -> records.put("bed/" + d.get("_id"), d));
    suite.db().transport().getCollection("transport_jobs").find(in)
        .forEach((Document d) -> records.put("job/" + d.get("_id"), d));
    // All drivers: a duplicate that claimed or released one shows here (nothing else runs now).
    suite.db().transport().getCollection("drivers").find()
        .forEach((Document d) -> records.put("driver/" + d.get("_id"), d));
    suite.db().referral().getCollection("residents").find(com.mongodb.client.model.Filters.in("_id", placements))
        .forEach((Document d) -> records.put("resident/" + d.get("_id"), d));
    return records;
  }

  private static long deadLetters() {
    return FaultSuite.SERVICES.stream().mapToLong(s -> suite.ready(suite.deadLetterQueueOf(s))).sum();
  }
}
