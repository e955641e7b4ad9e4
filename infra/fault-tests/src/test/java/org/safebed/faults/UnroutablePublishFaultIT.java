package org.safebed.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.faults.support.FaultSuite;
import org.safebed.faults.support.Http;
import org.safebed.faults.support.Journeys;
import org.safebed.localstack.apps.StackApps;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import tools.jackson.databind.JsonNode;

/**
 * An event nobody can receive (the consumer's binding was removed, e.g. by a faulty deployment)
 * is not lost: the broker returns it, it stays in the producer's outbox, operators see it ageing,
 * and it is delivered once the binding is back.
 */
@FaultTest
class UnroutablePublishFaultIT {

  private static final String ASSIGNED = "transport.assigned.v1";
  private static FaultSuite suite;
  private static Journeys journeys;

  @BeforeAll
  static void startSuite() {
    suite = FaultSuite.get();
    journeys = suite.journeys();
  }

  @Test
  void anUnroutableEventStaysPendingAndIsDeliveredOnceTheBindingIsBack() {
    suite.awaitQuiet(Duration.ofSeconds(60));
    Binding occupancyHearsAssignments = BindingBuilder
        .bind(new Queue(suite.inboxOf(StackApps.SHELTER_OCCUPANCY)))
        .to(new TopicExchange(suite.exchange()))
        .with(ASSIGNED);
    String placementId;
    String eventId;
    suite.admin().removeBinding(occupancyHearsAssignments);
    try {
      placementId = journeys.requestHeld();
      String jobId = "job-" + placementId;
      eventId = await().atMost(Duration.ofSeconds(30)).until(() -> pendingAssignment(jobId), id -> id != null);

      FaultSuite.sleep(Duration.ofSeconds(6));
      assertThat(pendingAssignment(jobId)).as("still pending while unroutable").isEqualTo(eventId);
      assertThat(transportStatusOf(placementId)).isEqualTo("NOT_ASSIGNED");
      assertThat(suite.inboxes().deliveries(StackApps.SHELTER_OCCUPANCY, eventId)).isZero();

      String outbox = suite.stack().serviceUrl(StackApps.TRANSPORT) + "/actuator/outbox";
      Http.Reply view = suite.http().call(outbox, FaultSuite.COORDINATOR, "GET", null, Map.of());
      assertThat(view.status()).as(view.body()).isEqualTo(200);
      JsonNode backlog = view.json();
      assertThat(backlog.get("pending").asLong()).isGreaterThanOrEqualTo(1);
      assertThat(backlog.get("oldestPendingAgeSeconds").asDouble()).isGreaterThanOrEqualTo(5.0);
      assertThat(view.body()).doesNotContain(placementId).doesNotContain(eventId);
      MeterRegistry meters = suite.stack().context(StackApps.TRANSPORT).orElseThrow().getBean(MeterRegistry.class);
      assertThat(meters.get("safebed.outbox.oldest.pending.age").gauge().value()).isGreaterThanOrEqualTo(5.0);
      assertThat(meters.get("safebed.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(1.0);
      assertThat(suite.http().call(outbox, FaultSuite.POLICE, "GET", null, Map.of()).status()).isEqualTo(403);
      assertThat(suite.http().call(outbox, null, "GET", null, Map.of()).status()).isEqualTo(401);
    } finally {
      suite.admin().declareBinding(occupancyHearsAssignments);
    }

    // The relay's backoff is capped at 30 s: delivered within that once routable again.
    await().atMost(Duration.ofSeconds(40)).until(() -> "ASSIGNED".equals(transportStatusOf(placementId)));
    await().atMost(Duration.ofSeconds(10)).until(() -> pendingAssignment("job-" + placementId) == null);
    assertThat(suite.inboxes().acks(StackApps.SHELTER_OCCUPANCY, eventId)).as("the pending event itself").isEqualTo(1);

    assertThat(journeys.checkIn(placementId).status()).isEqualTo(200);
    journeys.awaitComplete(List.of(placementId), Duration.ofSeconds(30));
  }

  private static String pendingAssignment(String jobId) {
    Document job = suite.db().transport().getCollection("transport_jobs").find(new Document("_id", jobId)).first();
    if (job == null) {
      return null;
    }
    for (Document event : job.getList("pendingEvents", Document.class, List.of())) {
      if (ASSIGNED.equals(event.getString("type"))) {
        return event.getString("eventId");
      }
    }
    return null;
  }

  private static String transportStatusOf(String placementId) {
    Document placement = suite.db().occupancy().getCollection("placements").find(new Document("_id", placementId)).first();
    return placement == null ? null : placement.get("transport", Document.class).getString("status");
  }
}
