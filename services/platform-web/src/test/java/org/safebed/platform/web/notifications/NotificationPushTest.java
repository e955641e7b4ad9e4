package org.safebed.platform.web.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.web.notifications.NotificationKind.Record;
import org.safebed.platform.web.push.PushAlerts;
import org.safebed.platform.web.push.PushDelivery;
import org.safebed.platform.web.push.PushSubscription;
import org.safebed.platform.web.push.PushSubscriptions;
import org.safebed.platform.web.security.Role;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Who an urgent notification wakes: the accounts it names, never a role, shelter or agency; never for INFO. */
class NotificationPushTest {

  private MongoServer server;
  private MongoClient client;
  private NotificationFeed feed;
  private PushSubscriptions subscriptions;
  private PushAlerts alerts;
  private NotificationInbox inbox;
  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final Map<URI, PushDelivery.Outcome> answers = new ConcurrentHashMap<>();

  record Sent(URI endpoint, Duration timeToLive, String topic) {}

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    MongoTemplate mongo = new MongoTemplate(client, "push_test");
    feed = new NotificationFeed(Clock.systemUTC(), Duration.ofMillis(100), Duration.ofMillis(200));
    subscriptions = new PushSubscriptions(mongo);
    alerts = new PushAlerts(subscriptions, new PushDelivery() {
      @Override
      public Optional<String> publicKey() {
        return Optional.of("key");
      }

      @Override
      public Outcome send(URI endpoint, Duration timeToLive, String topic) {
        sent.add(new Sent(endpoint, timeToLive, topic));
        return answers.getOrDefault(endpoint, Outcome.DELIVERED);
      }
    });
    inbox = new NotificationInbox(mongo, Clock.systemUTC(), feed, new NotificationPush(alerts));
    device("officer-1", "https://push.test/officer-1-phone");
    device("officer-1", "https://push.test/officer-1-tablet");
    device("officer-2", "https://push.test/officer-2-phone");
    device("coord-a", "https://push.test/coord-a-phone");
    device("manager-1", "https://push.test/manager-1-phone");
  }

  @AfterEach
  void stop() {
    alerts.close();
    feed.close();
    client.close();
    server.shutdownNow();
  }

  @Test
  void aCriticalNotificationWakesTheDevicesOfTheAccountItNamesOnly() {
    inbox.raise("missing-p-1", NotificationKind.RESIDENT_MISSING, Severity.CRITICAL, Record.PLACEMENT, "p-1",
        Audience.of().account("officer-1").role(Role.COORDINATOR));

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(endpoints())
        .containsExactlyInAnyOrder("https://push.test/officer-1-phone", "https://push.test/officer-1-tablet"));
    assertThat(sent).allSatisfy(s -> {
      assertThat(s.timeToLive()).isEqualTo(Duration.ofHours(1));
      assertThat(s.topic()).isEqualTo("notification").doesNotContain("p-1");
    });
    quietFor(Duration.ofMillis(300));
    assertThat(sent).hasSize(2);
  }

  @Test
  void anActionRequiredNotificationWakesToo() {
    inbox.raise("waiting-p-2", NotificationKind.PLACEMENT_WAITING, Severity.ACTION_REQUIRED, Record.PLACEMENT, "p-2",
        Audience.of().account("officer-2").role(Role.COORDINATOR));

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(endpoints()).containsExactly("https://push.test/officer-2-phone"));
  }

  @Test
  void anInfoNotificationAndOnesForRolesSheltersOrAgenciesWakeNobody() {
    inbox.raise("held-p-3", NotificationKind.PLACEMENT_HELD, Severity.INFO, Record.PLACEMENT, "p-3",
        Audience.of().account("officer-1").managersOf("shelter-1"));
    inbox.raise("compromised-s-1", NotificationKind.SHELTER_COMPROMISED, Severity.CRITICAL, Record.SHELTER, "s-1",
        Audience.of().managersOf("shelter-1").role(Role.COORDINATOR).agency(Role.POLICE, "agency-1"));

    quietFor(Duration.ofMillis(500));
    assertThat(sent).isEmpty();
  }

  @Test
  void raisingTheSameNotificationAgainWakesNoOneAgain() {
    for (int i = 0; i < 3; i++) {
      inbox.raise("no-show-p-4", NotificationKind.NO_SHOW, Severity.ACTION_REQUIRED, Record.PLACEMENT, "p-4",
          Audience.of().account("officer-2"));
    }
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sent).hasSize(1));
    quietFor(Duration.ofMillis(300));
    assertThat(sent).hasSize(1);
  }

  @Test
  void aDeviceWhoseSubscriptionEndedIsForgottenAndTheOthersKept() {
    answers.put(URI.create("https://push.test/officer-1-tablet"), PushDelivery.Outcome.GONE);

    inbox.raise("missing-p-5", NotificationKind.RESIDENT_MISSING, Severity.CRITICAL, Record.PLACEMENT, "p-5",
        Audience.of().account("officer-1"));

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(subscriptions.of("officer-1"))
        .extracting(d -> d.endpoint().toString()).containsExactly("https://push.test/officer-1-phone"));
    assertThat(subscriptions.of("officer-2")).hasSize(1);
  }

  @Test
  void theDecisionReadsOnlyAccountKeys() {
    Notification n = new Notification("x", NotificationKind.RESIDENT_MISSING, Severity.CRITICAL, Record.PLACEMENT,
        "p", Audience.of().account("a").role(Role.POLICE).managersOf("s").agency(Role.POLICE, "g").keys(),
        Instant.now());
    assertThat(NotificationPush.recipients(n)).containsExactly("a");
    assertThat(NotificationPush.recipients(new Notification("y", NotificationKind.PLACEMENT_HELD, Severity.INFO,
        Record.PLACEMENT, "p", Set.of("account:a"), Instant.now()))).isEmpty();
  }

  private void device(String account, String endpoint) {
    subscriptions.save(new PushSubscription(account, URI.create(endpoint), Instant.now()), 5);
  }

  private List<String> endpoints() {
    return sent.stream().map(s -> s.endpoint().toString()).toList();
  }

  private static void quietFor(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
