package org.safebed.transport.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.safebed.platform.messaging.OutboxEvent;
import org.safebed.platform.testing.AsyncApiDocument;
import org.safebed.platform.testing.AsyncApiDocument.ObjectSchema;
import org.safebed.transport.domain.EtaSource;
import org.safebed.transport.domain.JobKind;
import org.safebed.transport.domain.TransportEvent;
import org.safebed.transport.domain.TravelTime;
import org.safebed.transport.domain.UnassignedReason;

/**
 * Consumers' records against the producers' schemas, and transport's published events against its
 * own AsyncAPI file.
 */
class EventContractTest {

  @Test
  void publishedEventsCarryExactlyTheDataTheSpecDescribes() {
    AsyncApiDocument spec = AsyncApiDocument.of("transport-service").orElseThrow();
    List<TransportEvent> events =
        List.of(
            new TransportEvent.DriverAssigned("job-p", "p", "demo-driver", new TravelTime(12, EtaSource.ROUTING)),
            new TransportEvent.PickedUp("job-p", "p"),
            new TransportEvent.Delivered("job-p", "p"),
            new TransportEvent.AssignmentFailed("job-p", "p", UnassignedReason.NO_DRIVER));
    for (TransportEvent event : events) {
      OutboxEvent outbox = PublishedEvents.toOutbox(event, JobKind.MOVE);
      ObjectSchema data = spec.dataOf(outbox.type()).orElseThrow(() -> new AssertionError(outbox.type()));

      assertThat(outbox.data().keySet()).as(outbox.type()).containsExactlyInAnyOrderElementsOf(data.properties().keySet());
      assertThat(outbox.data().keySet()).as(outbox.type()).containsAll(data.required());
      assertThat(outbox.aggregateId()).isEqualTo("job-p");
      assertThat(outbox.correlationId()).isEqualTo("p");
    }
  }

  @Test
  void bedHeldRecordFitsTheOccupancySchema() {
    ObjectSchema data = producerData("placement.bed-held.v1");

    assertFits(occupancy(), BedHeld.class, data);
    // Without these transport cannot plan the pick-up at all.
    assertThat(data.required()).contains("placementId", "pickupArea", "destinationArea");
  }

  @Test
  void escortPreferencesAreOptionalAndSpelledAsTransportReadsThem() {
    ObjectSchema data = producerData("placement.bed-held.v1");
    Map<String, Object> gender = data.properties().get("escortGender");
    Map<String, Object> languages = data.properties().get("languages");

    assertThat(data.required()).doesNotContain("escortGender", "languages");
    assertThat(gender.get("enum")).isEqualTo(List.of("FEMALE", "MALE"));
    for (Object value : (List<?>) gender.get("enum")) {
      assertThat(TransportSubscriptions.escortGender((String) value)).isNotNull();
    }
    assertThat(languages.get("type")).isEqualTo("array");
    assertThat(occupancy().resolve(languages.get("items")).get("type")).isEqualTo("string");
  }

  @Test
  void placementReferenceFitsEveryPlacementEventTransportFollows() {
    for (String type :
        List.of("placement.hold-expired.v1", "placement.cancelled.v1", "placement.checked-in.v1", "placement.checked-out.v1")) {
      ObjectSchema data = producerData(type);
      assertFits(occupancy(), PlacementReference.class, data);
      assertThat(data.required()).as(type).contains("placementId");
    }
  }

  @Test
  void tenancyStartedRecordFitsTheReferralSchema() {
    Optional<AsyncApiDocument> referral = AsyncApiDocument.of("rental-referral-service");
    Assumptions.assumeTrue(referral.isPresent(), "api-specs/asyncapi/rental-referral-service.yaml not written yet");
    ObjectSchema data =
        referral.get().dataOf("referral.tenancy-started.v1").orElseThrow(() -> new AssertionError("no tenancy-started"));

    assertFits(referral.get(), TenancyStarted.class, data);
    assertThat(data.required()).contains("referralId", "placementId", "moveInDate");
  }

  private static AsyncApiDocument occupancy() {
    Optional<AsyncApiDocument> spec = AsyncApiDocument.of("shelter-occupancy-service");
    Assumptions.assumeTrue(spec.isPresent(), "api-specs/asyncapi/shelter-occupancy-service.yaml not written yet");
    return spec.get();
  }

  private static ObjectSchema producerData(String type) {
    return occupancy().dataOf(type).orElseThrow(() -> new AssertionError("occupancy does not describe " + type));
  }

  /** Every field of the record exists in the schema with a compatible type (nested records too). */
  private static void assertFits(AsyncApiDocument spec, Class<?> record, ObjectSchema schema) {
    Map<String, Map<String, Object>> properties = schema.properties();
    for (RecordComponent component : record.getRecordComponents()) {
      String name = component.getName();
      assertThat(properties).as(record.getSimpleName() + "." + name).containsKey(name);
      Map<String, Object> property = properties.get(name);
      Class<?> type = component.getType();
      if (type.isRecord()) {
        assertThat(property.get("type")).as(name).isIn("object", null);
        assertFits(spec, type, spec.objectSchema(property));
      } else {
        assertThat(jsonTypes(property)).as(record.getSimpleName() + "." + name).containsAnyElementsOf(expected(type));
      }
    }
  }

  private static List<Object> jsonTypes(Map<String, Object> property) {
    Object type = property.get("type");
    return type instanceof List<?> list ? List.copyOf(list) : List.of(String.valueOf(type));
  }

  private static List<String> expected(Class<?> type) {
    if (type == String.class || type == Instant.class || type == java.time.LocalDate.class) {
      return List.of("string");
    }
    if (type == Boolean.class || type == boolean.class) {
      return List.of("boolean");
    }
    if (type == Double.class || type == double.class) {
      return List.of("number", "integer");
    }
    if (type == Integer.class || type == int.class || type == Long.class) {
      return List.of("integer");
    }
    if (List.class.isAssignableFrom(type)) {
      return List.of("array");
    }
    throw new AssertionError("unexpected field type " + type);
  }
}
