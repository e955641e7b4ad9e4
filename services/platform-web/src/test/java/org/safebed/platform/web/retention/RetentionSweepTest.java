package org.safebed.platform.web.retention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.web.audit.AuditTrail;
import org.springframework.data.mongodb.core.MongoTemplate;

class RetentionSweepTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final Duration PERIOD = Duration.ofDays(90);
  private static final String CANARY = "CANARY-Sentier-Fictif-17";

  private MongoServer server;
  private MongoClient client;
  private MongoTemplate mongo;
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private AuditTrail audit;

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    mongo = new MongoTemplate(client, "retention");
    audit = new AuditTrail(mongo, clock);
    cases().createIndex(Indexes.ascending("owner", "key"), new IndexOptions().unique(true));
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  private MongoCollection<Document> cases() {
    return mongo.getCollection("cases");
  }

  private void insertCase(String id, String status, Instant closedAt, List<Document> pendingEvents) {
    cases().insertOne(new Document("_id", id)
        .append("owner", "officer-1")
        .append("key", CANARY + "-" + id)
        .append("status", status)
        .append("updatedAt", Date.from(closedAt))
        .append("region", "north")
        .append("secret", new Document("sealedLocation", CANARY))
        .append("caseToken", CANARY)
        .append("version", 3L)
        .append("pendingEvents", pendingEvents));
  }

  private ClosedRecords rule() {
    return new ClosedRecords(mongo, clock, "case", "cases",
        cutoff -> and(eq("status", "CLOSED"), lt("updatedAt", Date.from(cutoff))),
        List.of("secret", "caseToken"), List.of("key"));
  }

  private RetentionSweep sweep(List<RetentionTask> tasks) {
    return new RetentionSweep(tasks, audit, new RetentionProperties(true, PERIOD, Duration.ofHours(6)), clock);
  }

  private List<Document> raw() {
    return cases().find().into(new ArrayList<>());
  }

  @Test
  void removesThePersonalFieldsOfCasesClosedBeforeThePeriodAndKeepsTheFactsStatisticsCount() {
    insertCase("old-1", "CLOSED", NOW.minus(PERIOD).minusSeconds(60), List.of());
    insertCase("old-2", "CLOSED", NOW.minus(PERIOD).minusSeconds(1), List.of());

    RetentionSweep.Result result = sweep(List.of(rule())).sweep();

    assertThat(result.removed()).isEqualTo(Map.of("case", 2));
    assertThat(result.cutoff()).isEqualTo(NOW.minus(PERIOD));
    for (Document anonymised : raw()) {
      assertThat(anonymised.toJson()).doesNotContain("CANARY");
      assertThat(anonymised).doesNotContainKeys("secret", "caseToken");
      assertThat(anonymised.getString("key")).isEqualTo("anonymised:" + anonymised.getString("_id"));
      assertThat(anonymised.getString("status")).isEqualTo("CLOSED");
      assertThat(anonymised.getString("region")).isEqualTo("north");
      assertThat(anonymised.getDate("anonymisedAt")).isEqualTo(Date.from(NOW));
      // A writer holding the old version can no longer write the personal data back.
      assertThat(anonymised.getLong("version")).isEqualTo(4L);
    }
  }

  @Test
  void leavesOpenRecentAndUnpublishedCasesAlone() {
    Instant longAgo = NOW.minus(PERIOD).minus(Duration.ofDays(30));
    insertCase("open", "OPEN", longAgo, List.of());
    insertCase("recent", "CLOSED", NOW.minus(PERIOD).plusSeconds(60), List.of());
    insertCase("unpublished", "CLOSED", longAgo, List.of(new Document("eventId", "e-1")));

    RetentionSweep.Result result = sweep(List.of(rule())).sweep();

    assertThat(result.removed()).isEqualTo(Map.of("case", 0));
    assertThat(raw()).allSatisfy(untouched -> {
      assertThat(untouched.get("secret", Document.class).getString("sealedLocation")).isEqualTo(CANARY);
      assertThat(untouched).doesNotContainKey("anonymisedAt");
    });
  }

  @Test
  void aSecondSweepChangesNothingAndEachRecordIsAuditedOnce() {
    insertCase("old-1", "CLOSED", NOW.minus(PERIOD).minusSeconds(60), List.of());
    RetentionSweep sweep = sweep(List.of(rule()));

    sweep.sweep();
    List<Document> afterFirst = raw();
    RetentionSweep.Result second = sweep.sweep();

    assertThat(second.removed()).isEqualTo(Map.of("case", 0));
    assertThat(raw()).isEqualTo(afterFirst);
    List<Document> entries = mongo.getCollection(AuditTrail.COLLECTION).find().into(new ArrayList<>());
    assertThat(entries).singleElement().satisfies(entry -> {
      assertThat(entry.getString("action")).isEqualTo(ClosedRecords.ACTION);
      assertThat(entry.getString("recordType")).isEqualTo("case");
      assertThat(entry.getString("recordId")).isEqualTo("old-1");
      assertThat(entry.getString("actor")).isEqualTo(RetentionSweep.ACTOR);
      assertThat(entry.toJson()).doesNotContain("CANARY");
    });
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void sweepsMoreRecordsThanOneBatchAndAnonymisedOnesNeverCollideOnTheirUniqueKey() {
    for (int i = 0; i < 1_100; i++) {
      insertCase("old-" + i, "CLOSED", NOW.minus(PERIOD).minusSeconds(60), List.of());
    }

    RetentionSweep.Result result = sweep(List.of(rule())).sweep();

    assertThat(result.removed()).isEqualTo(Map.of("case", 1_100));
    assertThat(cases().countDocuments(eq("caseToken", CANARY))).isZero();
    assertThat(audit.verify()).satisfies(v -> {
      assertThat(v.intact()).isTrue();
      assertThat(v.entriesChecked()).isEqualTo(1_100);
    });
  }

  @Test
  void runsEveryTaskAndReportsWhatItDidByRecordType() {
    insertCase("old-1", "CLOSED", NOW.minus(PERIOD).minusSeconds(60), List.of());
    List<Instant> cutoffs = new ArrayList<>();
    RetentionTask messages = new RetentionTask() {
      @Override
      public String recordType() {
        return "dead_letter";
      }

      @Override
      public String action() {
        return "DEAD_LETTER_PURGED";
      }

      @Override
      public List<String> removeClosedBefore(Instant cutoff, int limit) {
        cutoffs.add(cutoff);
        return cutoffs.size() == 1 ? List.of("event-1") : List.of();
      }
    };
    RetentionSweep sweep = sweep(List.of(rule(), messages));

    RetentionSweep.Result result = sweep.sweep();

    assertThat(result.removed()).isEqualTo(Map.of("case", 1, "dead_letter", 1));
    assertThat(cutoffs).containsExactly(NOW.minus(PERIOD));
    assertThat(mongo.getCollection(AuditTrail.COLLECTION).countDocuments(eq("recordId", "event-1"))).isOne();
    assertThat(sweep.status()).containsEntry("closedCasePeriod", "P90D").containsEntry("lastRun", result);
  }

  @Test
  void theScheduledRunDoesNothingWhenRetentionIsSwitchedOff() {
    insertCase("old-1", "CLOSED", NOW.minus(PERIOD).minusSeconds(60), List.of());
    RetentionSweep off = new RetentionSweep(List.of(rule()), audit,
        new RetentionProperties(false, PERIOD, Duration.ofHours(6)), clock);

    off.scheduled();
    assertThat(cases().countDocuments(eq("caseToken", CANARY))).isOne();

    sweep(List.of(rule())).scheduled();
    assertThat(cases().countDocuments(eq("caseToken", CANARY))).isZero();
  }
}
