package org.safebed.platform.web.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.web.notifications.NotificationKind.Record;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.springframework.data.mongodb.core.MongoTemplate;

class NotificationInboxTest {

  private static final Caller OFFICER = new Caller("officer-1", Set.of(Role.POLICE), Set.of(), "agency-police-1");
  private static final Caller OTHER_OFFICER = new Caller("officer-2", Set.of(Role.POLICE), Set.of(), "agency-police-1");
  private static final Caller COORDINATOR_A = new Caller("coord-a", Set.of(Role.COORDINATOR), Set.of(), null);
  private static final Caller COORDINATOR_B = new Caller("coord-b", Set.of(Role.COORDINATOR), Set.of(), null);
  private static final Caller MANAGER = new Caller("manager-1", Set.of(Role.SHELTER_MANAGER), Set.of("shelter-1"), null);
  private static final Caller OTHER_MANAGER =
      new Caller("manager-2", Set.of(Role.SHELTER_MANAGER), Set.of("shelter-2"), null);
  private static final Caller HOUSING = new Caller("housing-1", Set.of(Role.HOUSING_OFFICER), Set.of(), "agency-h");
  private static final Caller POLICE_OF_SAME_AGENCY_ID =
      new Caller("officer-3", Set.of(Role.POLICE), Set.of(), "agency-h");

  private MongoServer server;
  private MongoClient client;
  private MongoTemplate mongo;
  private NotificationFeed feed;
  private NotificationInbox inbox;

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    mongo = new MongoTemplate(client, "notifications_test");
    feed = new NotificationFeed(Clock.systemUTC(), Duration.ofMillis(100), Duration.ofMillis(200));
    inbox = new NotificationInbox(mongo, new Ticking(), feed);
  }

  /** A clock a millisecond later at each reading: raises made in a row are in that order. */
  private static final class Ticking extends Clock {
    private final java.util.concurrent.atomic.AtomicLong millis =
        new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.ofEpochMilli(millis.incrementAndGet());
    }
  }

  @AfterEach
  void stop() {
    feed.close();
    client.close();
    server.shutdownNow();
  }

  private boolean missing(String placement) {
    return inbox.raise("missing-" + placement, NotificationKind.RESIDENT_MISSING, Severity.CRITICAL,
        Record.PLACEMENT, placement, Audience.of().account("officer-1").role(Role.COORDINATOR));
  }

  @Test
  void eachReaderSeesOnlyWhatIsAddressedToHer() {
    missing("p-1");
    inbox.raise("held-p-2", NotificationKind.PLACEMENT_HELD, Severity.INFO, Record.PLACEMENT, "p-2",
        Audience.of().account("officer-2").managersOf("shelter-1"));
    inbox.raise("expired-r-1", NotificationKind.HOUSING_OFFER_EXPIRED, Severity.ACTION_REQUIRED, Record.REFERRAL,
        "r-1", Audience.of().agency(Role.HOUSING_OFFICER, "agency-h"));

    assertThat(ids(OFFICER)).containsExactly("missing-p-1");
    assertThat(ids(OTHER_OFFICER)).containsExactly("held-p-2");
    assertThat(ids(COORDINATOR_A)).containsExactly("missing-p-1");
    assertThat(ids(MANAGER)).containsExactly("held-p-2");
    assertThat(ids(OTHER_MANAGER)).isEmpty();
    assertThat(ids(HOUSING)).containsExactly("expired-r-1");
    // An agency id reaches only the role it was addressed with.
    assertThat(ids(POLICE_OF_SAME_AGENCY_ID)).isEmpty();
  }

  @Test
  void raisingTheSameCauseTwiceStoresOneNotification() {
    assertThat(missing("p-1")).isTrue();
    assertThat(missing("p-1")).isFalse();
    assertThat(inbox.pageFor(OFFICER, 50).items()).hasSize(1);
  }

  @Test
  void readStateIsEachReadersOwn() {
    missing("p-1");
    missing("p-2");
    assertThat(inbox.pageFor(COORDINATOR_A, 50).unread()).isEqualTo(2);

    assertThat(inbox.markRead(COORDINATOR_A, "missing-p-1")).isTrue();
    assertThat(inbox.markRead(COORDINATOR_A, "missing-p-1")).isTrue();

    Notification.Page a = inbox.pageFor(COORDINATOR_A, 50);
    assertThat(a.unread()).isEqualTo(1);
    assertThat(a.items()).filteredOn(Notification.Seen::read).extracting(s -> s.notification().id())
        .containsExactly("missing-p-1");
    assertThat(inbox.pageFor(COORDINATOR_B, 50).unread()).isEqualTo(2);

    inbox.markAllRead(COORDINATOR_B);
    assertThat(inbox.pageFor(COORDINATOR_B, 50).unread()).isZero();
    assertThat(inbox.pageFor(OFFICER, 50).unread()).isEqualTo(2);
  }

  @Test
  void nobodyMarksReadWhatIsNotHers() {
    missing("p-1");
    assertThat(inbox.markRead(OTHER_OFFICER, "missing-p-1")).isFalse();
    assertThat(inbox.markRead(OFFICER, "no-such")).isFalse();
    inbox.markAllRead(OTHER_OFFICER);
    assertThat(inbox.pageFor(OFFICER, 50).unread()).isEqualTo(1);
  }

  @Test
  void theUnreadCountCoversMoreThanThePage() {
    for (int i = 0; i < 5; i++) {
      missing("p-" + i);
    }
    Notification.Page page = inbox.pageFor(OFFICER, 2);
    assertThat(page.items()).hasSize(2);
    assertThat(page.unread()).isEqualTo(5);
    assertThat(page.items().getFirst().notification().id()).isEqualTo("missing-p-4");
  }

  @Test
  void followersHearOfTheirsOnceWhetherRaisedHereOrByAnotherInstance() {
    List<String> officerHeard = new CopyOnWriteArrayList<>();
    List<String> managerHeard = new CopyOnWriteArrayList<>();
    feed.follow(Audience.keysOf(OFFICER), sink(officerHeard));
    feed.follow(Audience.keysOf(OTHER_MANAGER), sink(managerHeard));

    missing("p-1");
    // Another instance of the service, with its own feed, on the same database.
    NotificationFeed otherFeed = new NotificationFeed(Clock.systemUTC(), Duration.ofMillis(100), Duration.ofSeconds(1));
    try {
      new NotificationInbox(mongo, Clock.systemUTC(), otherFeed).raise("missing-p-9", NotificationKind.RESIDENT_MISSING,
          Severity.CRITICAL, Record.PLACEMENT, "p-9", Audience.of().account("officer-1"));
    } finally {
      otherFeed.close();
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> officerHeard.size() >= 2);
    await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
    assertThat(officerHeard).containsExactly("missing-p-1", "missing-p-9");
    assertThat(managerHeard).isEmpty();
  }

  @Test
  void aFollowerWhoseConnectionIsGoneIsDropped() {
    feed.follow(Audience.keysOf(OFFICER), new NotificationFeed.Sink() {
      @Override
      public void notification(Notification notification) throws Exception {
        throw new java.io.IOException("gone");
      }

      @Override
      public void heartbeat() throws Exception {
        throw new java.io.IOException("gone");
      }
    });
    assertThat(feed.followers()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(3)).until(() -> feed.followers() == 0);
  }

  private static NotificationFeed.Sink sink(List<String> heard) {
    return new NotificationFeed.Sink() {
      @Override
      public void notification(Notification notification) {
        heard.add(notification.id());
      }

      @Override
      public void heartbeat() {}
    };
  }

  private List<String> ids(Caller caller) {
    return inbox.pageFor(caller, 50).items().stream().map(s -> s.notification().id()).toList();
  }
}
