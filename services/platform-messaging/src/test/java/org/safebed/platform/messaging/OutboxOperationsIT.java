package org.safebed.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.safebed.platform.messaging.operations.OutboxEndpoint;
import org.safebed.platform.messaging.operations.OutboxMetrics;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.safebed.platform.testing.SafeBedTestInfrastructure;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

/** The operator's view of the outbox: the endpoint and the gauges follow what waits to be published. */
@SpringBootTest(
    classes = MessagingTestApplication.class,
    properties = {
      "safebed.messaging.service-name=messaging-test",
      "safebed.messaging.outbox-collections=things",
      "safebed.messaging.relay-interval=100ms",
      "safebed.messaging.delivery-limit=3"
    })
@ContextConfiguration(initializers = SafeBedTestInfrastructure.class)
class OutboxOperationsIT {

  @Autowired MongoTemplate mongo;
  @Autowired OutboxRelay relay;
  @Autowired RabbitAdmin admin;
  @Autowired MessagingProperties properties;
  @Autowired OutboxEndpoint endpoint;
  @Autowired MeterRegistry meters;

  @Test
  void anEventThatCannotBePublishedShowsAsPendingAndAgeingUntilItIsDelivered() throws Exception {
    String type = "thing.unbound-" + UUID.randomUUID().toString().substring(0, 6) + ".v1";
    String secret = "SECRET-" + UUID.randomUUID();
    String thingId = "thing-" + UUID.randomUUID();
    Things.record(mongo, OutboxEvent.of(type, thingId, thingId, Map.of("note", secret)));
    relay.publishPending();

    Thread.sleep(1_100);
    OutboxEndpoint.View view = endpoint.backlog();
    assertThat(view.pending()).isGreaterThanOrEqualTo(1);
    assertThat(view.oldestPendingAgeSeconds()).isGreaterThanOrEqualTo(1.0);
    assertThat(view.retrying()).isGreaterThanOrEqualTo(1);
    assertThat(view.collections()).containsKey("things");
    assertThat(JsonMapper.builder().build().writeValueAsString(view)).doesNotContain(secret, thingId, type);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(meters.get(OutboxMetrics.OLDEST_PENDING_AGE).gauge().value()).isGreaterThanOrEqualTo(1.0);
      assertThat(meters.get(OutboxMetrics.PENDING).gauge().value()).isGreaterThanOrEqualTo(1.0);
    });

    Queue late = new AnonymousQueue();
    admin.declareQueue(late);
    admin.declareBinding(BindingBuilder.bind(late).to(new TopicExchange(properties.exchange())).with(type));
    try {
      await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
        assertThat(endpoint.backlog().pending()).isZero();
        assertThat(meters.get(OutboxMetrics.PENDING).gauge().value()).isZero();
        assertThat(meters.get(OutboxMetrics.OLDEST_PENDING_AGE).gauge().value()).isZero();
      });
    } finally {
      admin.deleteQueue(late.getName());
    }
  }
}
