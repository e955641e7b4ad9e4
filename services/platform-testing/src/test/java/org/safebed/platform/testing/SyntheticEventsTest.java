package org.safebed.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.databind.JsonNode;

class SyntheticEventsTest {

  @Test
  void anEventHasTheEnvelopeAndTheRelaysProperties() {
    Message event = SyntheticEvents.event("event-1", "thing.made.v1", "job-p-1", "p-1",
        Instant.parse("2026-12-07T10:00:00Z"), Map.of("placementId", "p-1"));

    JsonNode body = ServiceHttp.JSON.readTree(event.getBody());
    assertThat(body.propertyNames()).containsExactly("eventId", "type", "occurredAt", "aggregateId", "correlationId", "data");
    assertThat(body.path("occurredAt").asString()).isEqualTo("2026-12-07T10:00:00Z");
    assertThat(body.path("aggregateId").asString()).isEqualTo("job-p-1");
    assertThat(body.path("correlationId").asString()).isEqualTo("p-1");
    assertThat(body.path("data").path("placementId").asString()).isEqualTo("p-1");
    MessageProperties properties = event.getMessageProperties();
    assertThat(properties.getMessageId()).isEqualTo("event-1").isEqualTo(SyntheticEvents.idOf(event));
    assertThat(properties.getType()).isEqualTo("thing.made.v1");
    assertThat(properties.getCorrelationId()).isEqualTo("p-1");
    assertThat(properties.getContentType()).isEqualTo(MessageProperties.CONTENT_TYPE_JSON);
    assertThat(properties.getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
  }

  @Test
  void eachNewEventHasAnIdOfItsOwn() {
    Instant now = Instant.now();
    assertThat(SyntheticEvents.idOf(SyntheticEvents.event("t.v1", "a", "a", now, Map.of())))
        .isNotEqualTo(SyntheticEvents.idOf(SyntheticEvents.event("t.v1", "a", "a", now, Map.of())));
  }
}
