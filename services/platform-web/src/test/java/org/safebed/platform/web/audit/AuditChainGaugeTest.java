package org.safebed.platform.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The on-call alert's signal: the chain verified, not more often than every ten minutes. */
class AuditChainGaugeTest {

  private MongoServer server;
  private MongoClient client;
  private MongoTemplate mongo;
  private AuditTrail trail;
  private final TestClock clock = TestClock.stoppedAt(Instant.parse("2026-12-07T03:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  /** Held here as the application context holds it: a registry keeps a gauge's object only weakly. */
  private AuditChainGauge gauge;

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    mongo = new MongoTemplate(client, "audit_gauge_test");
    trail = new AuditTrail(mongo, Clock.systemUTC());
    gauge = new AuditChainGauge(trail, clock);
    gauge.bindTo(registry);
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void anAlteredEntryTurnsTheGaugeToZeroAtTheNextCheck() {
    for (int i = 0; i < 5; i++) {
      trail.record(new AuditEntry("transport-service", "SERVICE", "driver-7", "ADDRESS_DISCLOSED", "shelter",
          "shelter-1", "TRANSPORT_DESTINATION:job-" + i, "GRANTED"));
    }
    assertThat(intact()).isEqualTo(1.0);

    mongo.getCollection(AuditTrail.COLLECTION).updateOne(Filters.eq("_id", 3L), Updates.set("outcome", "DENIED"));
    assertThat(intact()).as("not verified again before its time").isEqualTo(1.0);

    clock.advance(AuditChainGauge.CHECK_EVERY.plus(Duration.ofSeconds(1)));
    assertThat(intact()).isEqualTo(0.0);
  }

  private double intact() {
    return registry.get(AuditChainGauge.NAME).gauge().value();
  }
}
