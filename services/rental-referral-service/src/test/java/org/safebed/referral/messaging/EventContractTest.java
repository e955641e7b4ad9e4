package org.safebed.referral.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.AsyncApiDocument;
import org.safebed.platform.testing.AsyncApiDocument.ObjectSchema;
import org.safebed.referral.domain.TenancyStarted;

/**
 * Our consumer records against the producers' schemas, and what we publish against our own: a
 * field renamed or dropped on either side fails here, not in production.
 */
class EventContractTest {

  @Test
  void checkedInRecordReadsOnlyFieldsTheOccupancyServicePublishes() {
    ObjectSchema data = producerData("shelter-occupancy-service", PlacementCheckedIn.TYPE);
    assertRecordFits(PlacementCheckedIn.class, data);
  }

  @Test
  void checkedOutRecordReadsOnlyFieldsTheOccupancyServicePublishes() {
    ObjectSchema data = producerData("shelter-occupancy-service", PlacementCheckedOut.TYPE);
    assertRecordFits(PlacementCheckedOut.class, data);
  }

  @Test
  @SuppressWarnings("unchecked")
  void tenancyStartedAsStoredInTheOutboxMatchesOurPublishedSchema() {
    ObjectSchema schema = producerData("rental-referral-service", PublishedEvents.TENANCY_STARTED);
    Document entry =
        PublishedEvents.toOutbox(
            new TenancyStarted("ref-1", "placement-1", "unit-1", LocalDate.of(2026, 12, 1), "central"),
            Instant.parse("2026-11-22T10:00:00Z")).toDocument();
    assertThat(entry.getString("type")).isEqualTo("referral.tenancy-started.v1");
    assertThat(entry.getDate("occurredAt")).isEqualTo(Date.from(Instant.parse("2026-11-22T10:00:00Z")));
    assertThat(entry.getString("aggregateId")).isEqualTo("ref-1");
    assertThat(entry.getString("correlationId")).isEqualTo("placement-1");
    Map<String, Object> data = (Map<String, Object>) entry.get("data");
    assertThat(schema.closed()).isTrue();
    assertThat(schema.properties().keySet()).containsExactlyInAnyOrderElementsOf(data.keySet());
    assertThat(data.keySet()).containsAll(schema.required());
    data.values().forEach(value -> assertThat(value).isInstanceOf(String.class));
    assertThat(LocalDate.parse((String) data.get("moveInDate"))).isEqualTo(LocalDate.of(2026, 12, 1));
  }

  /** Every field of our record exists in the producer's data schema as a string. */
  private static void assertRecordFits(Class<? extends Record> record, ObjectSchema producerData) {
    for (var component : record.getRecordComponents()) {
      String field = component.getName();
      assertThat(producerData.properties()).as("producer publishes %s", field).containsKey(field);
      assertThat(component.getType()).isEqualTo(String.class);
      assertThat(producerData.properties().get(field).get("type")).as("type of %s", field).isEqualTo("string");
    }
    assertThat(producerData.required()).as("the placement id is always there").contains("placementId");
  }

  /** The data schema of one event type in a service's AsyncAPI document. */
  private static ObjectSchema producerData(String service, String type) {
    Optional<AsyncApiDocument> spec = AsyncApiDocument.of(service);
    assumeTrue(spec.isPresent(), "producer schema " + service + " not written yet");
    return spec.get().dataOf(type).orElseThrow(() -> new AssertionError("no data schema for " + type + " in " + service));
  }
}
