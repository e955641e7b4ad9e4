package org.safebed.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.faults.support.EventTap;
import org.safebed.faults.support.FaultSuite;
import org.safebed.faults.support.Http;
import org.safebed.faults.support.Journeys;
import org.safebed.faults.support.Journeys.Signature;
import org.safebed.localstack.apps.StackApps;
import tools.jackson.databind.JsonNode;

/**
 * The broker goes away for 20 s while police keep requesting placements at about ten a second (20
 * before it goes, 180 while it is down): every request is still answered (events wait in the
 * outboxes), and once the broker is back every placement's journey completes in all three
 * services, exactly as without the outage, within a minute.
 */
@FaultTest
class BrokerOutageFaultIT {

  private static final int PLACEMENTS = 200;
  private static final Duration PACE = Duration.ofMillis(100);
  /** Placements requested before the broker is stopped; the others while it is down. */
  private static final int BEFORE_OUTAGE = 20;
  private static final Duration OUTAGE = Duration.ofSeconds(20);
  private static final Duration RECOVERY = Duration.ofSeconds(60);

  private static FaultSuite suite;
  private static Journeys journeys;

  @BeforeAll
  static void startSuite() {
    suite = FaultSuite.get();
    journeys = suite.journeys();
  }

  private record Answer(Http.Reply reply, Instant at) {}

  @Test
  void twoHundredPlacementsDuringATwentySecondBrokerOutageAllCompleteWithinAMinuteOfItsReturn() throws Exception {
    suite.awaitQuiet(Duration.ofSeconds(60));
    List<String> control = journeys.runToCompletion(5, Duration.ofSeconds(60));
    Set<Signature> withoutOutage = new HashSet<>(journeys.signatures(control).values());
    assertThat(withoutOutage).as("the final state without an outage").hasSize(1);
    Signature expected = withoutOutage.iterator().next();
    assertThat(expected.complete()).isTrue();

    try (EventTap assignments = suite.tap("transport.assigned.v1")) {
      Journeys.CheckIns checkIns = journeys.checkIns();
      Thread checkInThread = checkIns.start();
      List<Answer> answers = new CopyOnWriteArrayList<>();
      List<String> placements = new CopyOnWriteArrayList<>();
      CountDownLatch requested = new CountDownLatch(PLACEMENTS);
      CountDownLatch brokerDown = new CountDownLatch(1);
      ExecutorService police = Executors.newFixedThreadPool(6);
      Thread pacer = Thread.ofPlatform().name("fault-police-pacer").start(() -> {
        long next = System.nanoTime();
        for (int i = 0; i < PLACEMENTS; i++) {
          if (i == BEFORE_OUTAGE) {
            // rabbitmqctl can take seconds on a busy machine: the rest is requested once the broker is down.
            awaitQuietly(brokerDown);
            next = System.nanoTime();
          }
          long wait = next - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          next += PACE.toNanos();
          police.execute(() -> {
            try {
              Http.Reply reply = journeys.request();
              answers.add(new Answer(reply, Instant.now()));
              if (reply.status() == 201) {
                String id = reply.json().get("id").asString();
                placements.add(id);
                checkIns.add(id);
              }
            } finally {
              requested.countDown();
            }
          });
        }
      });

      // The first placements' events are on their way when the broker goes.
      FaultSuite.sleep(PACE.multipliedBy(BEFORE_OUTAGE / 2));
      suite.broker().stopApp();
      Instant down = Instant.now();
      brokerDown.countDown();
      FaultSuite.sleep(OUTAGE.minusSeconds(5));
      JsonNode outboxDuringOutage = outbox();
      FaultSuite.sleep(Duration.between(Instant.now(), down.plus(OUTAGE)));
      suite.broker().startApp();
      Instant back = Instant.now();

      assertThat(requested.await(60, TimeUnit.SECONDS)).as("all requests answered").isTrue();
      pacer.join();
      police.shutdown();
      journeys.awaitComplete(placements, RECOVERY.minus(Duration.between(back, Instant.now())));
      Duration recovered = Duration.between(back, Instant.now());
      checkIns.stop();
      checkInThread.join(5_000);

      // Every request answered, none with a server error, while the broker was down too.
      assertThat(answers).hasSize(PLACEMENTS);
      assertThat(answers).extracting(a -> a.reply().status()).containsOnly(201);
      long duringOutage = answers.stream().filter(a -> a.at().isAfter(down) && a.at().isBefore(back)).count();
      assertThat(duringOutage).as("requests answered while the broker was down")
          .isGreaterThanOrEqualTo(PLACEMENTS - BEFORE_OUTAGE - 10);
      assertThat(checkIns.replies()).extracting(Http.Reply::status).containsOnly(200);
      assertThat(outboxDuringOutage.get("pending").asLong()).as("events waiting in the outbox").isPositive();
      assertThat(outboxDuringOutage.get("oldestPendingAgeSeconds").asDouble()).isGreaterThanOrEqualTo(10.0);

      // 0 lost: all 200 reached the state a journey reaches without an outage, within 60 s.
      assertThat(placements).hasSize(PLACEMENTS).doesNotHaveDuplicates();
      Map<String, Signature> after = journeys.signatures(placements);
      assertThat(after.values()).allSatisfy(s -> assertThat(s).isEqualTo(expected));
      assertThat(recovered).isLessThanOrEqualTo(RECOVERY);

      // 0 duplicate transport jobs: one job per placement, one driver assignment per job.
      for (String placementId : placements) {
        assertThat(assignments.distinct("transport.assigned.v1", placementId)).as(placementId).isEqualTo(1);
      }
      assertThat(distinctBeds(placements)).as("one bed each, none shared").isEqualTo(PLACEMENTS);
      System.out.printf("[safebed-faults] outage of %d s: %d of %d requests answered during it, all complete %d ms"
          + " after the broker returned%n", Duration.between(down, back).toSeconds(), duringOutage, PLACEMENTS,
          recovered.toMillis());
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static JsonNode outbox() {
    Http.Reply reply = suite.http().call(suite.stack().serviceUrl(StackApps.SHELTER_OCCUPANCY) + "/actuator/outbox",
        FaultSuite.COORDINATOR, "GET", null, Map.of());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static long distinctBeds(List<String> placements) {
    List<String> beds = new ArrayList<>();
    suite.db().occupancy().getCollection("beds")
        .find(com.mongodb.client.model.Filters.in("placementId", placements))
        .forEach((Document bed) -> beds.add(bed.getString("_id")));
    return beds.stream().distinct().count();
  }
}
