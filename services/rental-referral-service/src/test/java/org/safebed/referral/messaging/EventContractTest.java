package org.safebed.referral.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.referral.domain.TenancyStarted;
import org.yaml.snakeyaml.Yaml;

/**
 * Our consumer records against the producers' schemas, and what we publish against our own: a
 * field renamed or dropped on either side fails here, not in production.
 */
class EventContractTest {

  private static final Path ASYNCAPI = Path.of("../../api-specs/asyncapi");

  @Test
  void checkedInRecordReadsOnlyFieldsTheOccupancyServicePublishes() throws IOException {
    Map<String, Object> data = producerData("shelter-occupancy-service.yaml", PlacementCheckedIn.TYPE);
    assertRecordFits(PlacementCheckedIn.class, data);
  }

  @Test
  void checkedOutRecordReadsOnlyFieldsTheOccupancyServicePublishes() throws IOException {
    Map<String, Object> data = producerData("shelter-occupancy-service.yaml", PlacementCheckedOut.TYPE);
    assertRecordFits(PlacementCheckedOut.class, data);
  }

  @Test
  @SuppressWarnings("unchecked")
  void tenancyStartedAsStoredInTheOutboxMatchesOurPublishedSchema() throws IOException {
    Map<String, Object> schema = producerData("rental-referral-service.yaml", PublishedEvents.TENANCY_STARTED);
    Document entry =
        PublishedEvents.toOutbox(
            new TenancyStarted("ref-1", "placement-1", "unit-1", LocalDate.of(2026, 12, 1), "central"),
            Instant.parse("2026-11-22T10:00:00Z")).toDocument();
    assertThat(entry.getString("type")).isEqualTo("referral.tenancy-started.v1");
    assertThat(entry.getDate("occurredAt")).isEqualTo(Date.from(Instant.parse("2026-11-22T10:00:00Z")));
    assertThat(entry.getString("aggregateId")).isEqualTo("ref-1");
    assertThat(entry.getString("correlationId")).isEqualTo("placement-1");
    Map<String, Object> data = (Map<String, Object>) entry.get("data");
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    assertThat(schema.get("additionalProperties")).isEqualTo(false);
    assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(data.keySet());
    assertThat(data.keySet()).containsAll((List<String>) schema.get("required"));
    data.values().forEach(value -> assertThat(value).isInstanceOf(String.class));
    assertThat(LocalDate.parse((String) data.get("moveInDate"))).isEqualTo(LocalDate.of(2026, 12, 1));
  }

  /** Every field of our record exists in the producer's data schema as a string. */
  @SuppressWarnings("unchecked")
  private static void assertRecordFits(Class<? extends Record> record, Map<String, Object> producerData) {
    Map<String, Object> properties = (Map<String, Object>) producerData.get("properties");
    List<String> required = (List<String>) producerData.getOrDefault("required", List.of());
    for (var component : record.getRecordComponents()) {
      String field = component.getName();
      assertThat(properties).as("producer publishes %s", field).containsKey(field);
      Map<String, Object> property = (Map<String, Object>) properties.get(field);
      assertThat(component.getType()).isEqualTo(String.class);
      assertThat(property.get("type")).as("type of %s", field).isEqualTo("string");
    }
    assertThat(required).as("the placement id is always there").contains("placementId");
  }

  /** The data schema of one event type in a producer's AsyncAPI file, with $refs resolved. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> producerData(String file, String type) throws IOException {
    Path spec = ASYNCAPI.resolve(file);
    assumeTrue(Files.exists(spec), "producer schema " + file + " not written yet");
    Map<String, Object> root;
    try (Reader reader = Files.newBufferedReader(spec)) {
      root = new Yaml().load(reader);
    }
    Map<String, Object> channel = (Map<String, Object>) ((Map<String, Object>) root.get("channels")).get(type);
    assertThat(channel).as("channel %s in %s", type, file).isNotNull();
    Map<String, Object> operation =
        (Map<String, Object>) (channel.containsKey("subscribe") ? channel.get("subscribe") : channel.get("publish"));
    Map<String, Object> message = resolve(root, (Map<String, Object>) operation.get("message"));
    Map<String, Object> payload = resolve(root, (Map<String, Object>) message.get("payload"));
    for (Object part : (List<Object>) payload.get("allOf")) {
      Map<String, Object> resolved = resolve(root, (Map<String, Object>) part);
      Map<String, Object> properties = (Map<String, Object>) resolved.get("properties");
      if (properties != null && properties.get("data") instanceof Map<?, ?> data && ((Map<String, Object>) data).containsKey("$ref")) {
        return resolve(root, (Map<String, Object>) data);
      }
    }
    throw new AssertionError("no data schema for " + type + " in " + file);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(Map<String, Object> root, Map<String, Object> node) {
    Object ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    Map<String, Object> target = root;
    for (String segment : ((String) ref).substring(2).split("/")) {
      target = (Map<String, Object>) target.get(segment);
    }
    return resolve(root, target);
  }
}
