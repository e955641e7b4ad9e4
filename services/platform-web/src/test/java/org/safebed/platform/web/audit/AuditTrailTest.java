package org.safebed.platform.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class AuditTrailTest {

  private MongoServer server;
  private MongoClient client;
  private MongoTemplate mongo;
  private AuditTrail trail;

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    var address = server.bind();
    client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    mongo = new MongoTemplate(client, "audit_test");
    trail = new AuditTrail(mongo, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  private static AuditEntry disclosure(String job) {
    return new AuditEntry("transport-service", "SERVICE", "driver-7", "ADDRESS_DISCLOSED", "shelter",
        "shelter-1", "TRANSPORT_DESTINATION:" + job, "GRANTED");
  }

  @Test
  void chainVerifiesWhenUntouched() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n = i;
      writes.add(pool.submit(() -> trail.record(disclosure("job-" + n))));
    }
    for (Future<?> write : writes) {
      write.get();
    }
    pool.shutdown();

    assertThat(trail.verify()).isEqualTo(new AuditTrail.AuditVerification(true, 40, null));
  }

  @Test
  void twoInstancesAppendingInTurnKeepOneChain() {
    // Each instance remembers the head it wrote last; the other's appends make it stale.
    AuditTrail other = new AuditTrail(mongo, Clock.systemUTC());
    for (int i = 0; i < 10; i++) {
      trail.record(disclosure("job-a" + i));
      other.record(disclosure("job-b" + i));
      if (i % 3 == 0) {
        other.record(disclosure("job-c" + i));
      }
    }

    assertThat(trail.verify()).isEqualTo(new AuditTrail.AuditVerification(true, 24, null));
  }

  @Test
  void twoInstancesAppendingConcurrentlyKeepOneChain() throws Exception {
    // Batches of queued entries from one instance collide with the other's and are re-chained.
    AuditTrail other = new AuditTrail(mongo, Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      AuditTrail instance = i % 2 == 0 ? trail : other;
      int n = i;
      writes.add(pool.submit(() -> instance.record(disclosure("job-" + n))));
    }
    for (Future<?> write : writes) {
      write.get();
    }
    pool.shutdown();

    assertThat(trail.verify()).isEqualTo(new AuditTrail.AuditVerification(true, 400, null));
    assertThat(mongo.getCollection(AuditTrail.COLLECTION).countDocuments()).isEqualTo(400);
  }

  @Test
  void editingAnEntryIsDetected() {
    for (int i = 0; i < 5; i++) {
      trail.record(disclosure("job-" + i));
    }
    mongo.getCollection(AuditTrail.COLLECTION)
        .updateOne(Filters.eq("_id", 3L), Updates.set("outcome", "DENIED"));

    assertThat(trail.verify()).isEqualTo(new AuditTrail.AuditVerification(false, 2, 3L));
  }

  @Test
  void deletingAnEntryIsDetected() {
    for (int i = 0; i < 5; i++) {
      trail.record(disclosure("job-" + i));
    }
    mongo.getCollection(AuditTrail.COLLECTION).deleteOne(Filters.eq("_id", 2L));

    AuditTrail.AuditVerification verification = trail.verify();
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSeq()).isEqualTo(3L);
  }

  @Test
  void entriesAreReadNewestFirstByRecordActorActionAndOutcomeAndPagedOnWithBefore() {
    for (int i = 0; i < 130; i++) {
      trail.record(new AuditEntry("coordinator-" + (i % 2), "COORDINATOR", null, i % 3 == 0 ? "CAPACITY_CHANGED" : "READ",
          "shelter", "shelter-" + (i % 5), "OPERATIONS", i % 10 == 0 ? "DENIED" : "GRANTED"));
    }
    var any = new AuditTrail.EntryFilter(null, null, null, null, null, null);

    List<AuditTrail.StoredEntry> first = trail.entries(any, 500);
    assertThat(first).hasSize(AuditTrail.MOST_READ);
    assertThat(first.getFirst().seq()).isEqualTo(130);
    assertThat(first.getLast().seq()).isEqualTo(31);
    assertThat(first.getFirst().at()).isNotNull();
    List<AuditTrail.StoredEntry> rest = trail.entries(new AuditTrail.EntryFilter(null, null, null, null, null, 31L), 500);
    assertThat(rest).extracting(AuditTrail.StoredEntry::seq).hasSize(30).startsWith(30L).endsWith(1L);

    // seq n is the entry recorded with i = n - 1
    List<AuditTrail.StoredEntry> denied = trail.entries(
        new AuditTrail.EntryFilter("shelter", "shelter-0", "coordinator-0", "CAPACITY_CHANGED", "DENIED", null), 100);
    assertThat(denied).extracting(AuditTrail.StoredEntry::seq).containsExactly(121L, 91L, 61L, 31L, 1L);
    assertThat(denied.getFirst().purpose()).isEqualTo("OPERATIONS");
    assertThat(denied.getFirst().actorRole()).isEqualTo("COORDINATOR");
    // Blank fields from a form mean "any"; a record nobody touched has no entries.
    assertThat(trail.entries(new AuditTrail.EntryFilter(" ", "", null, null, "DENIED", null), 100)).hasSize(13);
    assertThat(trail.entries(new AuditTrail.EntryFilter("shelter", "shelter-9", null, null, null, null), 100)).isEmpty();
    assertThat(trail.verify().intact()).isTrue();
  }
}
